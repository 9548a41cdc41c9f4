//! `lede --generate`: the man page and shell completions, made from the clap
//! definitions so they never disagree with `--help`.

use std::io::{self, Write};

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;

use crate::args::Args;

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// The man page, in roff: `lede --generate man > lede.1`.
    Man,
    /// Bash completions.
    Bash,
    /// Zsh completions.
    Zsh,
    /// Fish completions.
    Fish,
    /// PowerShell completions.
    Powershell,
}

/// The man page's EXIT STATUS section (the README's table), in roff.
const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Every input was summarized.
.TP
\fB1\fR
An input could not be read or summarized (the others still were), or the output could not be written.
.TP
\fB2\fR
Bad usage: an unknown flag, or a value out of range, named on stderr.
.TP
\fB3\fR
A batch (\fB\-\-jsonl\fR) ran to its end, but some records failed: each is an error record in the output.
"#;

/// Writes `what` to `out`.
pub fn write(what: Generate, out: &mut impl Write) -> io::Result<()> {
    let mut command = Args::command();
    let shell = match what {
        Generate::Man => {
            clap_mangen::Man::new(command).render(out)?;
            return out.write_all(EXIT_STATUS.as_bytes());
        }
        Generate::Bash => Shell::Bash,
        Generate::Zsh => Shell::Zsh,
        Generate::Fish => Shell::Fish,
        Generate::Powershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command, "lede", out);
    Ok(())
}
