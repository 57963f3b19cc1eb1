-- Neovim 0.11+: `vim.lsp.enable("saidso")` uses this configuration; override any field with
-- `vim.lsp.config("saidso", { cmd = { "/path/to/saidso", "lsp" }, settings = {...} })`.
local settings = {
  saidso = {
    enable = true,
    inlayHints = true,
    rules = vim.empty_dict(),
    debounceMs = 50,
  },
}

return {
  cmd = { "saidso", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { ".saidso.toml", ".git" },
  init_options = settings,
  settings = settings,
}
