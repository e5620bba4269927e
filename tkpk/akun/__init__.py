"""Who may change data: local accounts, the OIDC allow-list, login throttling and server-side sessions."""
