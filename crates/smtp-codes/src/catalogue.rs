//! Hand-written behaviour around the generated catalogue enums.

use core::fmt;

use crate::{EnhancedCode, KnownEnhanced};

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
        EnhancedCode::new(class, self.subject(), self.detail())
    }
}

/// Prints `X.subject.detail`, as the registry writes it.
impl fmt::Display for KnownEnhanced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "X.{}.{}", self.subject(), self.detail())
    }
}

/// Prints the code, such as `550`.
impl fmt::Display for crate::KnownReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

/// Serialized as its Sisimai name, such as `"userunknown"`.
#[cfg(feature = "serde")]
impl serde::Serialize for crate::Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// Serialized as its short name, such as `"gmail"`.
#[cfg(feature = "serde")]
impl serde::Serialize for crate::Provider {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}
