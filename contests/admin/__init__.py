"""The pieces every app's admin is built from (dates in B.E., links the viewer may open, access by role);
contests registers no model of its own here."""
