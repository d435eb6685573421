//! Hand-written behaviour around the generated catalogue enums.

use core::fmt;

use crate::{EnhancedCode, EnhancedPattern, KnownEnhanced};

impl KnownEnhanced {
    /// Whether the registry allows this code in `class` (2, 4 or 5).
    #[must_use]
    pub const fn allows_class(self, class: u8) -> bool {
        let classes = self.classes();
        let mut i = 0;
        while i < classes.len() {
            if classes[i] == class {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The code in a given class, such as `5.1.1` for `X.1.1` in class 5. `None` when the class
    /// is not 2, 4 or 5; the result may still be a class the registry does not allow.
    #[must_use]
    pub const fn in_class(self, class: u8) -> Option<EnhancedCode> {
        self.pattern().in_class(class)
    }

    /// The registry's `X.subject.detail`.
    #[must_use]
    pub const fn pattern(self) -> EnhancedPattern {
        EnhancedPattern::from_catalogue(self.subject(), self.detail())
    }
}

/// Prints `X.subject.detail`, as the registry writes it.
impl fmt::Display for KnownEnhanced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.pattern(), f)
    }
}

/// Prints the code, such as `550`.
impl fmt::Display for crate::KnownReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}
