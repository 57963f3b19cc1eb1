-- Neovim 0.11+: the `lsp/saidso.lua` configuration with vim.lsp.config / vim.lsp.enable,
-- without setup(). Run like e2e.lua; exits non-zero on failure.

local script = debug.getinfo(1, "S").source:sub(2)
local repo = vim.fn.fnamemodify(script, ":p:h:h:h:h")
local bin = os.getenv("SAIDSO_BIN")
if not bin or bin == "" then
  bin = repo .. "/target/debug/saidso"
end
local TIMEOUT = tonumber(os.getenv("SAIDSO_TEST_TIMEOUT_MS") or "") or 10000

local function out(s)
  io.stdout:write(s .. "\n")
end

local function fail(msg)
  out("  FAIL  " .. msg)
  out("0 passed, 1 failed")
  vim.cmd("cquit 1")
end

if vim.fn.has("nvim-0.11") == 0 then
  out("  skip  vim.lsp.config needs Neovim 0.11")
  vim.cmd("qa!")
  return
end

out("saidso vim.lsp.enable test on " .. tostring(vim.version()))
local base = vim.lsp.config.saidso
if not base or not base.cmd then
  return fail("lsp/saidso.lua was not found on the runtimepath")
end
if base.cmd[1] ~= "saidso" or not vim.tbl_contains(base.filetypes, "text") then
  return fail("unexpected lsp/saidso.lua: " .. vim.inspect(base))
end

vim.lsp.config("saidso", { cmd = { bin, "lsp" } })
vim.lsp.enable("saidso")
vim.cmd("edit " .. vim.fn.fnameescape(repo .. "/editors/fixtures/orphan-quote.md"))
local buf = vim.api.nvim_get_current_buf()

local ok = vim.wait(TIMEOUT, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "unattributed-quote" then
      return true
    end
  end
  return false
end, 20)
if not ok then
  return fail("no unattributed-quote diagnostic via vim.lsp.enable")
end
local client = vim.lsp.get_clients({ bufnr = buf, name = "saidso" })[1]
if client.config.root_dir ~= repo then
  return fail("root_dir " .. tostring(client.config.root_dir))
end
if client.offset_encoding ~= "utf-8" then
  return fail("offset_encoding " .. tostring(client.offset_encoding))
end
out("  ok    vim.lsp.enable('saidso') attaches, roots at the repository, utf-8, diagnostics arrive")
out("1 passed, 0 failed")
client:stop()
vim.wait(2000, function()
  return client:is_stopped()
end, 20)
vim.cmd("qa!")
