-- saidso for Neovim: starts `saidso lsp` for Markdown and text buffers.
--
--   require("saidso").setup({})                      -- defaults
--   require("saidso").setup({ cmd = { "/path/to/saidso", "lsp" },
--                             settings = { rules = { ["unattributed-quote"] = "error" } } })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) up to 0.11+
-- (vim.lsp.start). On 0.11 `lsp/saidso.lua` also makes `vim.lsp.enable("saidso")` work.

local M = {}

local has = function(feature)
  return vim.fn.has(feature) == 1
end
local is_011 = has("nvim-0.11")
local uv = vim.uv or vim.loop -- vim.loop is deprecated from 0.10

-- The settings the server understands; sent as {saidso = {...}}.
M.default_settings = {
  enable = true,
  inlayHints = true,
  rules = vim.empty_dict(),
  debounceMs = 50,
}

M.defaults = {
  cmd = { "saidso", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { ".saidso.toml", ".git" },
  settings = M.default_settings,
  -- Show the server's inlay hints (Neovim 0.10+ only: older versions have no inlay hints).
  inlay_hints = true,
  -- Create :SaidsoClaims, :SaidsoRestart, :SaidsoStats, :SaidsoSpeakers and :SaidsoReport.
  commands = true,
  -- Show the sourcing code lens ("8 quotes · 5 speakers · …") above the article; run it with
  -- vim.lsp.codelens.run() (or :SaidsoSpeakers) to see who is quoted.
  codelens = true,
  -- How :SaidsoReport opens the HTML file it writes: a function(path), or nil for
  -- vim.ui.open (Neovim 0.10+) / xdg-open / open.
  open_report = nil,
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

M.config = nil
local missing_reported = false
-- Neovim 0.7 has no vim.lsp.start: one client per root, tracked here.
local clients_by_root = {}

local function notify(msg, level)
  vim.notify("saidso: " .. msg, level or vim.log.levels.INFO)
end

--- All running saidso clients (optionally only those attached to `bufnr`).
function M.clients(bufnr)
  local out = {}
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ name = "saidso", bufnr = bufnr })
  else
    all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  end
  for _, c in pairs(all) do
    if c.name == "saidso" and not c:is_stopped() then
      table.insert(out, c)
    end
  end
  return out
end

local function client_notify(client, method, params)
  if is_011 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function client_request(client, method, params, handler, bufnr)
  if is_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- The settings payload the server takes.
function M.server_settings()
  local settings = vim.deepcopy(M.config.settings)
  -- An empty Lua table is sent as a JSON array; the server wants an object.
  if type(settings.rules) ~= "table" or vim.tbl_isempty(settings.rules) then
    settings.rules = vim.empty_dict()
  end
  return { saidso = settings }
end

--- The folder holding one of the root markers, searching up from the buffer's file; the
--- file's own folder when none is found (a lone article still gets checked).
function M.find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local cur = dir
  while cur and cur ~= "" do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(cur .. "/" .. marker) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ":h")
    if parent == cur then
      break
    end
    cur = parent
  end
  return dir
end

local function executable(cmd)
  return type(cmd) == "function" or vim.fn.executable(cmd[1]) == 1
end

local function report_missing(cmd)
  if missing_reported then
    return
  end
  missing_reported = true
  notify(
    ("the language server `%s` was not found or is not executable. Install saidso "
      .. "(`cargo install --path .` in the saidso repository) or point the plugin at it: "
      .. 'require("saidso").setup({ cmd = { "/path/to/saidso", "lsp" } })'):format(tostring(cmd[1])),
    vim.log.levels.ERROR
  )
end

local refresh_status -- defined with the status-line helpers below
local lens_group = vim.api.nvim_create_augroup("saidso_codelens", { clear = true })

--- Asks for the buffer's code lenses again (Neovim shows them only when asked).
local function refresh_lens(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return
  end
  -- 0.10+ takes the buffer; 0.7–0.9 refresh the current one.
  if not pcall(vim.lsp.codelens.refresh, { bufnr = bufnr }) and bufnr == vim.api.nvim_get_current_buf() then
    pcall(vim.lsp.codelens.refresh)
  end
end

local function on_attach(client, bufnr)
  if M.config.inlay_hints and vim.lsp.inlay_hint and client.server_capabilities.inlayHintProvider then
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  if M.config.codelens and client.server_capabilities.codeLensProvider then
    vim.api.nvim_clear_autocmds({ group = lens_group, buffer = bufnr })
    vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
      group = lens_group,
      buffer = bufnr,
      callback = function()
        refresh_lens(bufnr)
      end,
      desc = "saidso: refresh the sourcing code lens",
    })
    refresh_lens(bufnr)
  end
  refresh_status(bufnr)
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

--- The client configuration for a root folder.
function M.client_config(root_dir)
  local settings = M.server_settings()
  return {
    name = "saidso",
    cmd = M.config.cmd,
    root_dir = root_dir,
    workspace_folders = root_dir and {
      { uri = vim.uri_from_fname(root_dir), name = root_dir },
    } or nil,
    init_options = settings,
    -- Neovim sends these in workspace/didChangeConfiguration after initialize and answers
    -- workspace/configuration from them.
    settings = settings,
    capabilities = M.config.capabilities,
    handlers = M.config.handlers,
    on_attach = on_attach,
  }
end

--- Starts (or reuses) the server for `bufnr` and attaches the buffer to it.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not M.config then
    M.setup({})
  end
  if not executable(M.config.cmd) then
    report_missing(M.config.cmd)
    return nil
  end
  local root = M.find_root(bufnr, M.config.root_markers)
  local config = M.client_config(root)

  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end

  -- Neovim 0.7.
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    if not id then
      notify("could not start " .. tostring(config.cmd[1]), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function attached_buffers(client)
  if vim.lsp.get_buffers_by_client_id then
    return vim.lsp.get_buffers_by_client_id(client.id)
  end
  return vim.tbl_keys(client.attached_buffers or {})
end

--- Asks a server that serves pulled diagnostics for fresh ones, for every buffer it serves.
--- Neovim 0.10+ pulls only after didOpen/didChange of a visible buffer and does not answer
--- `workspace/diagnostic/refresh`, so a settings change would otherwise show only after the
--- next edit. Neovim 0.7–0.9 get pushed diagnostics and need nothing.
function M.refresh_diagnostics(client)
  if not (client.server_capabilities and client.server_capabilities.diagnosticProvider) then
    return
  end
  if not (vim.lsp.diagnostic and vim.lsp.diagnostic.on_diagnostic) then
    return
  end
  for _, b in ipairs(attached_buffers(client)) do
    if vim.api.nvim_buf_is_loaded(b) then
      -- nil handler: Neovim's own textDocument/diagnostic handler (or the user's) applies it.
      client_request(client, "textDocument/diagnostic", {
        textDocument = { uri = vim.uri_from_bufnr(b) },
      }, nil, b)
    end
  end
end

--- Changes settings and tells running servers, no restart. They are merged into the current
--- ones, or with `{ replace = true }` replace them (over the defaults): the way to drop a rule
--- override so that the project's .saidso.toml applies again.
function M.update_settings(settings, opts)
  local base = (opts and opts.replace) and vim.deepcopy(M.default_settings) or M.config.settings
  M.config.settings = vim.tbl_deep_extend("force", base, settings or {})
  local payload = M.server_settings()
  for _, client in ipairs(M.clients()) do
    client.config.settings = payload
    client_notify(client, "workspace/didChangeConfiguration", { settings = payload })
    -- Give the server a moment to apply them before asking again.
    vim.defer_fn(function()
      if not client:is_stopped() then
        M.refresh_diagnostics(client)
      end
    end, 50)
  end
end

--- Byte column (0-based) of an LSP position in `bufnr`, in the client's encoding.
local function byte_col(bufnr, position, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, position.line, position.line + 1, false)[1] or ""
  if encoding == "utf-8" then
    return math.min(position.character, #line)
  end
  local ok, col
  if is_011 then
    ok, col = pcall(vim.str_byteindex, line, encoding, position.character, false)
  else
    ok, col = pcall(vim.str_byteindex, line, position.character, encoding == "utf-16")
  end
  return ok and col or #line
end

--- Location-list items for a documentSymbol answer: "Speaker: quote", one per quote or claim.
function M.symbols_to_items(symbols, bufnr, encoding)
  local items = {}
  local function add(symbol, prefix)
    local range = symbol.selectionRange or symbol.range or (symbol.location and symbol.location.range)
    if not range then
      return
    end
    local text = prefix and (prefix .. ": " .. symbol.name) or symbol.name
    if symbol.detail and symbol.detail ~= "" then
      text = text .. " (" .. symbol.detail .. ")"
    end
    table.insert(items, {
      bufnr = bufnr,
      lnum = range.start.line + 1,
      col = byte_col(bufnr, range.start, encoding) + 1,
      text = text,
    })
  end
  for _, symbol in ipairs(symbols or {}) do
    if symbol.children and #symbol.children > 0 then
      for _, child in ipairs(symbol.children) do
        add(child, symbol.name)
      end
    else
      add(symbol, nil)
    end
  end
  return items
end

--- Fills the location list of the current window with the outline (speakers → quotes).
function M.claims(bufnr, opts)
  opts = opts or {}
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    notify("no saidso server is attached to this buffer", vim.log.levels.WARN)
    return
  end
  local win = vim.api.nvim_get_current_win()
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  client_request(client, "textDocument/documentSymbol", params, function(err, result)
    if err then
      notify("documentSymbol failed: " .. tostring(err.message or err), vim.log.levels.ERROR)
      return
    end
    local items = M.symbols_to_items(result, bufnr, client.offset_encoding or "utf-16")
    if not vim.api.nvim_win_is_valid(win) then
      return
    end
    vim.fn.setloclist(win, {}, " ", { title = "saidso: speakers and their quotes", items = items })
    if #items == 0 then
      notify("no quotes or claims found")
    elseif opts.open ~= false then
      vim.api.nvim_set_current_win(win)
      vim.cmd("lopen")
    end
  end, bufnr)
end

--- Asks for saidso/documentStats; calls `callback(stats)` (nil on failure).
function M.stats(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    return callback(nil)
  end
  client_request(client, "saidso/documentStats", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  }, function(err, result)
    callback(not err and result or nil)
  end, bufnr)
end

-- Status-line text per buffer, refreshed from saidso/documentStats.
local status_by_buf = {}

local function plural(n, one, many)
  return ("%d %s"):format(n, n == 1 and one or many)
end

--- "10 quotes · 1 speaker" (plus " · 2 unattributed") for a stats answer.
function M.format_stats(s)
  local text = plural(s.quotes or 0, "quote", "quotes") .. " · " .. plural(s.speakers or 0, "speaker", "speakers")
  if (s.unattributed or 0) > 0 then
    text = text .. " · " .. s.unattributed .. " unattributed"
  end
  return text
end

--- For your status line, e.g. `vim.o.statusline = "%f %=%{v:lua.require'saidso'.statusline()}"`:
--- the buffer's quote and speaker counts, or "" where saidso does not run.
function M.statusline(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return status_by_buf[bufnr] or ""
end

refresh_status = function(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or #M.clients(bufnr) == 0 then
    status_by_buf[bufnr] = nil
    return
  end
  M.stats(bufnr, function(s)
    local text = s and M.format_stats(s) or nil
    if status_by_buf[bufnr] ~= text then
      status_by_buf[bufnr] = text
      pcall(vim.cmd, "redrawstatus")
    end
  end)
end

--- Runs one of the server's sourcing commands on the buffer; `callback(result)` gets the
--- answer (nil on failure, after a notification saying why).
local function sourcing_command(bufnr, command, extra, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    notify("no saidso server is attached to this buffer", vim.log.levels.WARN)
    return callback(nil)
  end
  local arguments = { vim.uri_from_bufnr(bufnr) }
  if extra then
    table.insert(arguments, extra)
  end
  client_request(client, "workspace/executeCommand", { command = command, arguments = arguments }, function(err, result)
    if err or not result then
      notify(command .. " failed: " .. tostring(err and (err.message or err) or "no answer"), vim.log.levels.ERROR)
      return callback(nil)
    end
    callback(result)
  end, bufnr)
end

--- Shows who is quoted in the buffer (the speaker table behind the code lens) in a float.
function M.speakers(bufnr)
  sourcing_command(bufnr, "saidso.speakerTable", { display = "client" }, function(table_)
    if not table_ then
      return
    end
    local lines = vim.split(table_.markdown or "", "\n", { trimempty = true })
    M.last_speaker_table = lines
    vim.lsp.util.open_floating_preview(lines, "markdown", { border = "rounded", focus_id = "saidso_speakers" })
  end)
end

--- Opens `path` in the browser.
local function open_in_browser(path)
  if type(M.config.open_report) == "function" then
    return M.config.open_report(path)
  end
  if vim.ui and vim.ui.open then
    return vim.ui.open(path)
  end
  local opener = vim.fn.has("mac") == 1 and "open" or "xdg-open"
  if vim.fn.executable(opener) ~= 1 then
    return notify("the report is at " .. path .. " (no " .. opener .. " to open it)")
  end
  vim.fn.jobstart({ opener, path }, { detach = true })
end

--- Writes the buffer's sourcing report (the page `saidso report` writes) to an HTML file and
--- opens it; `callback(path)` when given.
function M.report(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  sourcing_command(bufnr, "saidso.sourcingReport", nil, function(report)
    if not (report and report.html) then
      return callback and callback(nil)
    end
    local dir = vim.fn.stdpath("cache") .. "/saidso"
    vim.fn.mkdir(dir, "p")
    local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t")
    local path = ("%s/%s.sourcing.html"):format(dir, name ~= "" and name or ("buffer-" .. bufnr))
    local f, err = io.open(path, "w")
    if not f then
      notify("cannot write " .. path .. ": " .. tostring(err), vim.log.levels.ERROR)
      return callback and callback(nil)
    end
    f:write(report.html)
    f:close()
    notify("sourcing report: " .. path)
    open_in_browser(path)
    if callback then
      callback(path)
    end
  end)
end

--- Stops every saidso server and starts it again for the buffers it served.
function M.restart()
  local buffers, ids = {}, {}
  for _, client in ipairs(M.clients()) do
    table.insert(ids, client.id)
    for _, b in ipairs(attached_buffers(client)) do
      buffers[b] = true
      -- Otherwise Neovim 0.10+ may ask the stopping server for hints and report its refusal.
      if vim.lsp.inlay_hint then
        pcall(vim.lsp.inlay_hint.enable, false, { bufnr = b })
      end
    end
    vim.lsp.stop_client(client.id)
  end
  clients_by_root = {}
  local waited = 0
  local function again()
    local running = false
    for _, id in ipairs(ids) do
      local c = vim.lsp.get_client_by_id(id)
      if c and not c:is_stopped() then
        running = true
      end
    end
    if running and waited < 3000 then
      waited = waited + 50
      return vim.defer_fn(again, 50)
    end
    if running then
      for _, id in ipairs(ids) do
        vim.lsp.stop_client(id, true)
      end
    end
    for b in pairs(buffers) do
      if vim.api.nvim_buf_is_loaded(b) then
        M.start(b)
      end
    end
    notify("server restarted")
  end
  again()
end

local function create_commands()
  vim.api.nvim_create_user_command("SaidsoClaims", function()
    M.claims(0)
  end, { desc = "saidso: speakers and their quotes into the location list" })
  vim.api.nvim_create_user_command("SaidsoRestart", function()
    M.restart()
  end, { desc = "saidso: restart the language server" })
  vim.api.nvim_create_user_command("SaidsoSpeakers", function()
    M.speakers(0)
  end, { desc = "saidso: who is quoted in this buffer (the code lens's speaker table)" })
  vim.api.nvim_create_user_command("SaidsoReport", function()
    M.report(0)
  end, { desc = "saidso: write this buffer's sourcing report as HTML and open it" })
  vim.api.nvim_create_user_command("SaidsoStats", function()
    M.stats(0, function(s)
      if not s then
        return notify("no statistics (is the server attached?)", vim.log.levels.WARN)
      end
      notify(("%d quotes, %d speakers, %d unattributed, %d claims"):format(
        s.quotes or 0, s.speakers or 0, s.unattributed or 0, s.claims or 0))
    end)
  end, { desc = "saidso: quote and speaker counts of this buffer" })
end

--- Configures the plugin and starts the server for matching buffers (now and later).
function M.setup(opts)
  opts = opts or {}
  local config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  -- Lists replace, not merge.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] then
      config[key] = opts[key]
    end
  end
  M.config = config
  missing_reported = false
  -- The code lens runs the server's speaker-table command: show it here, in a float, rather
  -- than as the server's one-line message.
  vim.lsp.commands["saidso.speakerTable"] = function(_, ctx)
    M.speakers(ctx and ctx.bufnr or 0)
  end

  local group = vim.api.nvim_create_augroup("saidso", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
    desc = "saidso: start the language server",
  })
  -- Keep the status-line counts current: diagnostics follow every analysis.
  vim.api.nvim_create_autocmd({ "DiagnosticChanged", "BufEnter" }, {
    group = group,
    callback = function(args)
      if status_by_buf[args.buf] ~= nil or #M.clients(args.buf) > 0 then
        refresh_status(args.buf)
      end
    end,
    desc = "saidso: refresh the status-line counts",
  })
  -- The server re-checks when a .saidso.toml changes, but leaves watching it to the client.
  vim.api.nvim_create_autocmd("BufWritePost", {
    group = group,
    pattern = ".saidso.toml",
    callback = function(args)
      local uri = vim.uri_from_fname(vim.fn.fnamemodify(args.file, ":p"))
      for _, client in ipairs(M.clients()) do
        client_notify(client, "workspace/didChangeWatchedFiles", { changes = { { uri = uri, type = 2 } } })
        vim.defer_fn(function()
          if not client:is_stopped() then
            M.refresh_diagnostics(client)
          end
        end, 50)
      end
    end,
    desc = "saidso: re-check after a .saidso.toml is saved",
  })
  vim.api.nvim_create_autocmd("BufWipeout", {
    group = group,
    callback = function(args)
      status_by_buf[args.buf] = nil
    end,
  })
  if config.commands then
    create_commands()
  end
  -- Buffers already open when setup() runs (lazy loading).
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(config.filetypes, vim.bo[b].filetype) then
      M.start(b)
    end
  end
  return M
end

return M
