-- :checkhealth saidso — is the server there, which version, which clients run.
local M = {}

local h = vim.health or require("health") -- Neovim 0.7 has only the `health` module
local start = h.start or h.report_start
local ok = h.ok or h.report_ok
local warn = h.warn or h.report_warn
local error_ = h.error or h.report_error
local info = h.info or h.report_info

function M.check()
  start("saidso")
  local saidso = require("saidso")
  local cmd = saidso.config and saidso.config.cmd
  if not saidso.config then
    info('require("saidso").setup() has not been called (fine with vim.lsp.enable("saidso") on 0.11+)')
    cmd = (vim.lsp.config and vim.lsp.config.saidso and vim.lsp.config.saidso.cmd) or { "saidso", "lsp" }
  end
  if type(cmd) ~= "table" then
    info("cmd is a function: not checked")
  elseif vim.fn.executable(cmd[1]) == 1 then
    local version = vim.fn.system({ cmd[1], "--version" }):gsub("%s+$", "")
    if vim.v.shell_error == 0 then
      ok(("server: %s (%s)"):format(vim.fn.exepath(cmd[1]), version))
    else
      warn(("server %s does not answer --version: %s"):format(cmd[1], version))
    end
  else
    error_(("server `%s` not found or not executable"):format(tostring(cmd[1])), {
      "Install it: `cargo install --path .` in the saidso repository",
      'Or point the plugin at it: require("saidso").setup({ cmd = { "/path/to/saidso", "lsp" } })',
    })
  end
  if vim.fn.has("nvim-0.7") == 0 then
    error_("Neovim 0.7 or newer is needed")
  end
  local clients = saidso.config and saidso.clients() or {}
  if #clients == 0 then
    info("no saidso server running (open a markdown or text file)")
  end
  for _, c in ipairs(clients) do
    info(("client %d: root %s, %s positions"):format(c.id, tostring(c.config.root_dir), tostring(c.offset_encoding)))
  end
end

return M
