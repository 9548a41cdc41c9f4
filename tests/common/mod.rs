//! What the integration tests share.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;

/// `lede`, run from the package root (so `corpus/..` paths resolve and show
/// as written) with an empty environment, so nothing from the caller's shell
/// changes the output.
pub fn lede() -> Command {
    let mut cmd = cargo_bin_cmd!("lede");
    cmd.env_clear().current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}
