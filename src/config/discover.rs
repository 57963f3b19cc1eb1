//! Finding the `.saidso.toml` that governs a path, and reading it: the only I/O in `config`.
//!
//! The file is looked for in the checked file's directory, then each parent up to the
//! filesystem root; the first one found wins (no merging, so what `saidso config` prints is
//! exactly what applies). A cache keyed by directory keeps a walk over many files from reading
//! the same file again.

use super::{Config, ConfigError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CONFIG_FILE_NAME: &str = ".saidso.toml";

/// A configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file it was read from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
}

impl Loaded {
    /// The directory `[files]` patterns are relative to.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// Reads and parses one configuration file; errors name the file.
pub fn load_file(path: &Path) -> Result<Loaded, ConfigError> {
    let with_path = |mut e: ConfigError| {
        e.path = Some(path.to_path_buf());
        e
    };
    let bytes = std::fs::read(path).map_err(|e| {
        with_path(ConfigError {
            path: None,
            line: 0,
            column: 0,
            message: format!("cannot read configuration: {e}"),
        })
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        with_path(ConfigError {
            path: None,
            line: 0,
            column: 0,
            message: format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        })
    })?;
    let config = Config::from_toml(&text).map_err(with_path)?;
    // Absolute, because `[files]` patterns are relative to its directory, and the parent of a
    // bare `--config saidso.toml` would be the empty path.
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(Loaded {
        config,
        path: Some(path),
    })
}

/// The nearest `.saidso.toml` in `dir` or one of its ancestors.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The configuration governing files in `dir`: the nearest file, or the defaults.
pub fn discover(dir: &Path) -> Result<Loaded, ConfigError> {
    match find(dir) {
        Some(path) => load_file(&path),
        None => Ok(Loaded::default()),
    }
}

/// Configurations by directory, for runs over many files. With an override (`--config`), every
/// lookup answers it.
#[derive(Debug, Default)]
pub struct ConfigCache {
    fixed: Option<Arc<Loaded>>,
    by_dir: HashMap<PathBuf, Result<Arc<Loaded>, ConfigError>>,
    by_file: HashMap<PathBuf, Result<Arc<Loaded>, ConfigError>>,
}

impl ConfigCache {
    pub fn new(fixed: Option<Loaded>) -> ConfigCache {
        ConfigCache {
            fixed: fixed.map(Arc::new),
            ..ConfigCache::default()
        }
    }

    /// The configuration for files in `dir`. An error is returned once per configuration file
    /// as `Err(Some(..))` and as `Err(None)` afterwards, so the caller reports it only once.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Loaded>, Option<ConfigError>> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(known) = self.by_dir.get(&dir) {
            return known.clone().map_err(|_| None);
        }
        let result = match find(&dir) {
            None => Ok(Arc::new(Loaded::default())),
            Some(file) => match self.by_file.get(&file) {
                Some(known) => {
                    let r = known.clone();
                    self.by_dir.insert(dir, r.clone());
                    return r.map_err(|_| None);
                }
                None => {
                    let r = load_file(&file).map(Arc::new);
                    self.by_file.insert(file, r.clone());
                    r
                }
            },
        };
        self.by_dir.insert(dir, result.clone());
        result.map_err(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Rule;
    use crate::config::Level;

    #[test]
    fn finds_the_nearest_file_upward() {
        let root = tempfile::tempdir().expect("tempdir");
        let deep = root.path().join("a/b/c");
        std::fs::create_dir_all(&deep).expect("mkdir");
        std::fs::write(
            root.path().join("a").join(CONFIG_FILE_NAME),
            "[rules]\nunclosed-quote = \"off\"\n",
        )
        .expect("write");
        let loaded = discover(&deep).expect("valid");
        assert_eq!(loaded.config.level(Rule::UnclosedQuote), Level::Off);
        assert_eq!(
            loaded.path.as_deref(),
            Some(root.path().join("a").join(CONFIG_FILE_NAME).as_path())
        );
        // A sibling branch of the tree does not see it.
        let other = root.path().join("z");
        std::fs::create_dir_all(&other).expect("mkdir");
        assert_eq!(find(&other).filter(|p| p.starts_with(root.path())), None);
    }

    #[test]
    fn cache_reports_an_error_once() {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(root.path().join("x")).expect("mkdir");
        std::fs::write(
            root.path().join(CONFIG_FILE_NAME),
            "[rules]\nbogus = \"off\"\n",
        )
        .expect("write");
        let mut cache = ConfigCache::new(None);
        let first = cache.for_dir(root.path()).expect_err("bad config");
        let e = first.expect("reported the first time");
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains(CONFIG_FILE_NAME), "{e}");
        assert!(matches!(cache.for_dir(root.path()), Err(None)));
        assert!(matches!(cache.for_dir(&root.path().join("x")), Err(None)));
    }
}
