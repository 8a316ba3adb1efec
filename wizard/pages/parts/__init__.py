"""Parts two pages share: the results pane (Test run, and the VHD step's pre-flight) and the keyring secret
field (Connection, SAS URIs). One copy each, so the two pages cannot drift apart."""
