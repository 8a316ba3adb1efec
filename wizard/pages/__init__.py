"""One wizard page per module, in the order of the publishing process."""
