//! Colour for human output: when to use it (`--color`, `NO_COLOR`, a terminal or not) and the
//! few styles the commands share. JSON is never coloured: its writers never ask for a style.

use std::fmt;
use std::io;

use anstyle::{AnsiColor, Style};
use smtp_codes::Severity;

use crate::output::Escaped;

/// When to colour human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour when standard output is a terminal and neither `NO_COLOR` nor `TERM=dumb` is set.
    #[default]
    Auto,
    /// Always colour, even in a pipe and whatever `NO_COLOR` says.
    Always,
    /// Never colour.
    Never,
}

/// Paints text with a style, or leaves it plain when colour is off.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Painter {
    on: bool,
}

/// Headings and labels.
pub(crate) const LABEL: Style = Style::new().bold();
/// Codes, reason ids and other identifiers.
pub(crate) const CODE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan))).bold();
/// Sources, links and other details a reader may skip.
pub(crate) const DIM: Style = Style::new().dimmed();
/// Warnings.
pub(crate) const WARNING: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

impl Painter {
    /// Decides for standard output. `auto` follows anstream's rules: `NO_COLOR`, `CLICOLOR`,
    /// `CLICOLOR_FORCE`, `TERM` and whether the stream is a terminal.
    pub(crate) fn for_stdout(when: ColorWhen) -> Self {
        let choice = match when {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        let resolved = anstream::AutoStream::new(io::stdout(), choice).current_choice();
        Self { on: resolved != anstream::ColorChoice::Never }
    }

    /// `text` in `style` when colour is on.
    pub(crate) fn paint<T: fmt::Display>(self, style: Style, text: T) -> Painted<T> {
        Painted { style: if self.on { style } else { Style::new() }, text }
    }

    /// The style of a severity's headline: green for success, yellow for a temporary failure,
    /// red for a permanent one.
    pub(crate) fn severity_style(severity: Severity) -> Style {
        let colour = match severity {
            Severity::Success => AnsiColor::Green,
            Severity::Intermediate => AnsiColor::Blue,
            Severity::Transient => AnsiColor::Yellow,
            Severity::Permanent => AnsiColor::Red,
            _ => AnsiColor::Magenta,
        };
        Style::new().fg_color(Some(anstyle::Color::Ansi(colour))).bold()
    }
}

/// Text with a style; prints the escape codes only when the style is not plain, and the text
/// with its own control characters escaped.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Painted<T> {
    style: Style,
    text: T,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The text is escaped here, at the one place every styled piece of human output passes,
        // so that control characters from the input never reach the terminal.
        if self.style.is_plain() {
            Escaped(&self.text).fmt(f)
        } else {
            write!(f, "{}{}{}", self.style.render(), Escaped(&self.text), self.style.render_reset())
        }
    }
}
