-- Headless end-to-end test of the saidso Neovim plugin against the real `saidso lsp`.
--
--   SAIDSO_BIN=target/debug/saidso nvim --headless --clean --cmd 'set rtp+=editors/nvim' \
--     -c 'luafile editors/nvim/test/e2e.lua'
--
-- Exits 0 when every check passes, 1 otherwise. Works on Neovim 0.7 and 0.11: on 0.7 positions
-- are negotiated as UTF-16 (0.7 offers nothing), on 0.11 as UTF-8 (0.11 offers utf-8 first).

local script = debug.getinfo(1, "S").source:sub(2)
local repo = vim.fn.fnamemodify(script, ":p:h:h:h:h")
local bin = os.getenv("SAIDSO_BIN")
if not bin or bin == "" then
  bin = repo .. "/target/debug/saidso"
end
local fixture = repo .. "/editors/fixtures/orphan-quote.md"
local seed = repo .. "/examples/putin-press-conference.txt"
local TIMEOUT = tonumber(os.getenv("SAIDSO_TEST_TIMEOUT_MS") or "") or 10000

local is_011 = vim.fn.has("nvim-0.11") == 1
local passed, failed = 0, 0
local raw = {} -- uri -> last raw publishDiagnostics params (LSP positions, before conversion)

local function out(s)
  io.stdout:write(s .. "\n")
end

local function finish()
  out(("%d passed, %d failed"):format(passed, failed))
  -- Stop the servers before quitting so none is left behind.
  local ok, saidso = pcall(require, "saidso")
  if ok and saidso.config then
    for _, c in ipairs(saidso.clients()) do
      vim.lsp.stop_client(c.id)
    end
    vim.wait(2000, function()
      return #saidso.clients() == 0
    end, 20)
  end
  if failed > 0 then
    vim.cmd("cquit 1")
  else
    vim.cmd("qa!")
  end
end

-- Runs one check; a failed `fatal` check ends the run (nothing after it can pass).
local function check(name, fn, fatal)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    out("  ok    " .. name)
  else
    failed = failed + 1
    out("  FAIL  " .. name .. "\n        " .. tostring(err):gsub("\n", "\n        "))
    if fatal then
      out("  (stopping: the checks after this one need it)")
      finish()
    end
  end
end

local function wait(what, cond, ms)
  if not vim.wait(ms or TIMEOUT, cond, 20) then
    error("timed out waiting for " .. what, 2)
  end
end

local function saidso_client(buf)
  return require("saidso").clients(buf)[1]
end

local function diags(buf, code)
  local out_ = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code == nil or d.code == code then
      table.insert(out_, d)
    end
  end
  return out_
end

local function utf_index(line, byte, encoding)
  if encoding == "utf-8" then
    return byte
  end
  if is_011 then
    return vim.str_utfindex(line, encoding, byte, false)
  end
  local u32, u16 = vim.str_utfindex(line, byte)
  return encoding == "utf-16" and u16 or u32
end

local function hover_text(result)
  local c = result and result.contents
  if type(c) == "string" then
    return c
  elseif type(c) == "table" and c.value then
    return c.value
  elseif type(c) == "table" then
    local parts = {}
    for _, p in ipairs(c) do
      table.insert(parts, type(p) == "string" and p or p.value)
    end
    return table.concat(parts, "\n")
  end
  return ""
end

local function request_sync(buf, method, params)
  local results, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  assert(results, method .. ": " .. tostring(err))
  for _, r in pairs(results) do
    assert(not r.err, method .. " error: " .. vim.inspect(r.err))
    return r.result
  end
end

out(("saidso nvim e2e on %s with %s"):format(tostring(vim.version and vim.version() and
  (vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch)), bin))

local saidso = require("saidso")

check("a missing binary gives one clear error", function()
  local seen = {}
  local orig = vim.notify
  vim.notify = function(msg, level)
    table.insert(seen, { msg = msg, level = level })
  end
  saidso.setup({ cmd = { repo .. "/no/such/saidso", "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  vim.cmd("edit " .. vim.fn.fnameescape(seed))
  vim.notify = orig
  vim.cmd("silent! %bwipeout!")
  assert(#seen == 1, "expected 1 notification, got " .. vim.inspect(seen))
  assert(seen[1].level == vim.log.levels.ERROR, "not an error: " .. vim.inspect(seen[1]))
  assert(seen[1].msg:find("not found", 1, true) and seen[1].msg:find("cmd", 1, true), seen[1].msg)
end)

-- Headless Neovim writes notifications to stderr without a newline: keep the report readable.
vim.notify = function(msg)
  out("        [notify] " .. tostring(msg))
end

check("the saidso binary is there", function()
  assert(vim.fn.executable(bin) == 1, "no saidso binary at " .. bin .. " (cargo build, or set SAIDSO_BIN)")
end, true)

saidso.setup({
  cmd = { bin, "lsp" },
  settings = { debounceMs = 0 },
  -- Keep the raw LSP diagnostics (positions before Neovim converts them): pushed on 0.7,
  -- pulled on 0.10+ (the server serves pull to clients that offer it).
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      if result then
        raw[result.uri] = { diagnostics = result.diagnostics, version = result.version, mode = "pushed" }
      end
      return vim.lsp.handlers["textDocument/publishDiagnostics"](err, result, ctx, config)
    end,
    ["textDocument/diagnostic"] = function(err, result, ctx, config)
      if result and result.kind == "full" and ctx.params and ctx.params.textDocument then
        raw[ctx.params.textDocument.uri] = { diagnostics = result.items, mode = "pulled" }
      end
      return vim.lsp.handlers["textDocument/diagnostic"](err, result, ctx, config)
    end,
  },
})

vim.cmd("edit " .. vim.fn.fnameescape(fixture))
local fbuf = vim.api.nvim_get_current_buf()

check("the server starts for a markdown buffer, rooted at the repository", function()
  assert(vim.bo[fbuf].filetype == "markdown", vim.bo[fbuf].filetype)
  wait("a saidso client", function()
    local c = saidso_client(fbuf)
    return c ~= nil and c.initialized ~= false and c.server_capabilities ~= nil
  end)
  local c = saidso_client(fbuf)
  assert(c.config.root_dir == repo, "root_dir " .. tostring(c.config.root_dir) .. " ~= " .. repo)
end, true)

check("position encoding: " .. (is_011 and "utf-8 on 0.11" or "utf-16 on 0.7"), function()
  local c = saidso_client(fbuf)
  local want = is_011 and "utf-8" or "utf-16"
  out("        negotiated " .. tostring(c.offset_encoding))
  assert(c.offset_encoding == want, "offset_encoding " .. tostring(c.offset_encoding) .. ", want " .. want)
end)

check("diagnostics: unattributed-quote warning on the orphan quote", function()
  wait("an unattributed-quote diagnostic", function()
    return #diags(fbuf, "unattributed-quote") > 0
  end)
  local d = diags(fbuf, "unattributed-quote")[1]
  assert(d.severity == vim.diagnostic.severity.WARN, "severity " .. tostring(d.severity))
  local lnum = vim.fn.search('^"Nobody', "nw") - 1
  assert(d.lnum == lnum, ("line %d, want %d"):format(d.lnum, lnum))
end)

check("diagnostic range is in the negotiated encoding (em dash, é, emoji before its end)", function()
  local c = saidso_client(fbuf)
  local p = raw[vim.uri_from_bufnr(fbuf)]
  assert(p, "no raw diagnostics captured (neither pushed nor pulled)")
  out("        diagnostics were " .. p.mode .. (p.version and (" (version " .. p.version .. ")") or ""))
  local d
  for _, x in ipairs(p.diagnostics) do
    if x.code == "unattributed-quote" then
      d = x
    end
  end
  assert(d, "no unattributed-quote in raw diagnostics")
  local line = vim.api.nvim_buf_get_lines(fbuf, d.range["end"].line, d.range["end"].line + 1, false)[1]
  local close_byte = #line - 1 -- the closing quotation mark ends the line
  local close = utf_index(line, close_byte, c.offset_encoding)
  local e = d.range["end"].character
  assert(e == close or e == close + 1, ("end character %d, want %d or %d in %s"):format(
    e, close, close + 1, c.offset_encoding))
  local vd = diags(fbuf, "unattributed-quote")[1]
  assert(vd.end_col == close_byte or vd.end_col == close_byte + 1, "end_col " .. vd.end_col)
end)

vim.cmd("edit " .. vim.fn.fnameescape(seed))
local sbuf = vim.api.nvim_get_current_buf()

check("the server attaches to the text buffer of the seed article", function()
  assert(vim.bo[sbuf].filetype == "text", vim.bo[sbuf].filetype)
  wait("saidso on the seed buffer", function()
    return saidso_client(sbuf) ~= nil
  end)
  assert(saidso_client(sbuf).id == saidso_client(fbuf).id, "one server per root expected")
end)

check("hover on the `he said` quote names Putin", function()
  local lnum = vim.fn.search('^"If we ever have a meeting', "w")
  assert(lnum > 0, "quote not found in the seed article")
  vim.api.nvim_win_set_cursor(0, { lnum, 10 })
  local c = saidso_client(sbuf)
  local params = vim.lsp.util.make_position_params(0, c.offset_encoding)
  local text = ""
  -- The first hover may race the analysis of a just-opened document: allow a few tries.
  wait("a hover naming Putin", function()
    text = hover_text(request_sync(sbuf, "textDocument/hover", params))
    return text:find("Putin", 1, true) ~= nil
  end)
end)

check(":SaidsoClaims puts Putin's quotes in the location list", function()
  vim.fn.setloclist(0, {}, "r", { items = {} })
  vim.cmd("SaidsoClaims")
  local items = {}
  wait("location list items", function()
    -- :lopen moved the cursor into the list window; the items belong to the article window.
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      local l = vim.fn.getloclist(w)
      if #l > 0 then
        items = l
        return true
      end
    end
    return false
  end)
  local putin = 0
  for _, it in ipairs(items) do
    if it.text:find("Putin", 1, true) then
      putin = putin + 1
      assert(it.bufnr == sbuf and it.lnum >= 1, vim.inspect(it))
    end
  end
  assert(putin >= 7, ("%d location-list items mention Putin:\n%s"):format(putin, vim.inspect(items)))
  vim.cmd("lclose")
end)

check("inlay hints name Putin after pronoun-attributed quotes (0.10+)", function()
  local c = saidso_client(sbuf)
  if not (vim.lsp.inlay_hint and c.server_capabilities.inlayHintProvider) then
    out("        skipped: " .. (vim.lsp.inlay_hint and "server has no inlay hints" or "Neovim < 0.10"))
    return
  end
  local n = vim.api.nvim_buf_line_count(sbuf)
  local hints = request_sync(sbuf, "textDocument/inlayHint", {
    textDocument = { uri = vim.uri_from_bufnr(sbuf) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = n, character = 0 } },
  }) or {}
  local labels = {}
  for _, h in ipairs(hints) do
    local label = h.label
    if type(label) == "table" then
      local parts = {}
      for _, part in ipairs(label) do
        table.insert(parts, part.value)
      end
      label = table.concat(parts)
    end
    table.insert(labels, label)
  end
  assert(table.concat(labels, "|"):find("Putin", 1, true), "labels: " .. vim.inspect(labels))
end)

check("saidso/documentStats counts the seed article", function()
  local stats
  saidso.stats(sbuf, function(s)
    stats = s or false
  end)
  wait("documentStats", function()
    return stats ~= nil
  end)
  assert(stats, "documentStats failed")
  assert(stats.quotes >= 7 and stats.speakers >= 1, vim.inspect(stats))
end)

check("the sourcing code lens sits on the first line with the article's counts", function()
  local lenses = request_sync(sbuf, "textDocument/codeLens", { textDocument = { uri = vim.uri_from_bufnr(sbuf) } })
  assert(lenses and #lenses == 1, vim.inspect(lenses))
  assert(lenses[1].range.start.line == 0, vim.inspect(lenses[1].range))
  assert(lenses[1].command.title:match("^%d+ quotes · 1 speaker$"), lenses[1].command.title)
  -- The plugin asks for lenses on attach, so Neovim shows it.
  vim.cmd("buffer " .. sbuf)
  wait("the lens in Neovim's list", function()
    local shown = vim.lsp.codelens.get(sbuf)
    return shown and #shown > 0 and shown[1].command ~= nil
  end)
end)

check("running the lens shows who is quoted (the speaker table, in a float)", function()
  saidso.last_speaker_table = nil
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.lsp.codelens.run()
  wait("the speaker table", function()
    return saidso.last_speaker_table ~= nil
  end)
  local text = table.concat(saidso.last_speaker_table, "\n")
  assert(text:find("| Vladimir Putin (Russian President) | person |", 1, true), text)
  assert(text:match("^%*%*%d+ quotes · 1 speaker%*%*"), text)
  -- Close the float again.
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= "" then
      vim.api.nvim_win_close(w, true)
    end
  end
end)

check(":SaidsoReport writes the sourcing report as HTML and opens it", function()
  local opened
  saidso.config.open_report = function(path)
    opened = path
  end
  vim.cmd("SaidsoReport")
  wait("the report to be opened", function()
    return opened ~= nil
  end)
  saidso.config.open_report = nil
  local html = table.concat(vim.fn.readfile(opened), "\n")
  assert(opened:match("putin%-press%-conference%.txt%.sourcing%.html$"), opened)
  assert(html:find("<!DOCTYPE html>", 1, true), "not an HTML page")
  assert(html:find('<span class="q s0" data-s="0" title="Vladimir Putin', 1, true), "Putin's quotes are not coloured")
  assert(select(2, html:gsub('<article class="story"', "")) == 1, "one article expected")
end)

check("statusline() shows the counts for the status line", function()
  wait("status-line text", function()
    return saidso.statusline(sbuf):find("quotes", 1, true) ~= nil
  end)
  assert(saidso.statusline(sbuf):match("^%d+ quotes · %d+ speakers?"), saidso.statusline(sbuf))
  wait("the orphan's unattributed count", function()
    return saidso.statusline(fbuf):find("1 unattributed", 1, true) ~= nil
  end)
end)

check("settings change without restart: unattributed-quote as error", function()
  local id = saidso_client(fbuf).id
  saidso.update_settings({ rules = { ["unattributed-quote"] = "error" } })
  wait("the orphan quote as an error", function()
    local d = diags(fbuf, "unattributed-quote")[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.ERROR
  end)
  assert(saidso_client(fbuf).id == id, "the server was restarted")
  -- Drop the override: rules come from the defaults (and any .saidso.toml) again.
  saidso.update_settings({ debounceMs = 0 }, { replace = true })
  assert(vim.tbl_isempty(saidso.config.settings.rules), vim.inspect(saidso.config.settings))
  wait("the orphan quote back to a warning", function()
    local d = diags(fbuf, "unattributed-quote")[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.WARN
  end)
end)

check(":checkhealth saidso finds the server and the running client", function()
  local before = vim.api.nvim_get_current_tabpage()
  vim.cmd("checkhealth saidso")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  if vim.api.nvim_get_current_tabpage() ~= before then
    vim.cmd("tabclose")
  end
  assert(text:find("server: " .. bin, 1, true), text)
  assert(text:find("positions", 1, true), text)
  assert(not text:find("ERROR", 1, true), text)
end)

check(":SaidsoRestart starts a new server for the open buffers", function()
  local old = saidso_client(fbuf).id
  -- Neovim 0.10+ pulls diagnostics for visible buffers only: show the fixture.
  vim.cmd("buffer " .. fbuf)
  local notes = {}
  local orig = vim.notify
  vim.notify = function(msg)
    table.insert(notes, msg)
    return orig(msg)
  end
  vim.diagnostic.reset(nil, fbuf)
  vim.cmd("SaidsoRestart")
  wait("a new client on both buffers", function()
    local a, b = saidso_client(fbuf), saidso_client(sbuf)
    return a and b and a.id ~= old and a.id == b.id
  end)
  vim.wait(200)
  vim.notify = orig
  for _, n in ipairs(notes) do
    assert(not tostring(n):find("-32", 1, true), "an LSP error surfaced during restart: " .. tostring(n))
  end
  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.is_enabled then
    assert(vim.lsp.inlay_hint.is_enabled({ bufnr = fbuf }), "inlay hints not back on after restart")
  end
  wait("diagnostics from the new server", function()
    return #diags(fbuf, "unattributed-quote") > 0
  end)
end)

check("a folder with .saidso.toml is the root, gets its own server, and saving it re-checks", function()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir .. "/drafts", "p")
  vim.fn.writefile({}, dir .. "/.saidso.toml")
  vim.fn.writefile(vim.fn.readfile(fixture), dir .. "/drafts/note.md")
  vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/drafts/note.md"))
  local buf = vim.api.nvim_get_current_buf()
  wait("saidso on the new buffer", function()
    return saidso_client(buf) ~= nil
  end)
  local c = saidso_client(buf)
  local root = (vim.uv or vim.loop).fs_realpath(dir)
  assert((vim.uv or vim.loop).fs_realpath(c.config.root_dir) == root, "root " .. tostring(c.config.root_dir) .. ", want " .. root)
  assert(c.id ~= saidso_client(fbuf).id, "a second root should get a second server")
  wait("the draft's warning", function()
    local d = diags(buf, "unattributed-quote")[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.WARN
  end)
  -- Edit and save the project's .saidso.toml in Neovim: the draft follows it.
  vim.cmd("split " .. vim.fn.fnameescape(dir .. "/.saidso.toml"))
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { "[rules]", 'unattributed-quote = "error"' })
  vim.cmd("write")
  vim.cmd("close")
  wait("the draft's quote as an error, from .saidso.toml", function()
    local d = diags(buf, "unattributed-quote")[1]
    return d ~= nil and d.severity == vim.diagnostic.severity.ERROR
  end)
  vim.cmd("bwipeout! " .. buf)
  vim.lsp.stop_client(c.id)
  vim.fn.delete(dir, "rf")
end)

finish()
