"""The embeddable widget: its addresses, oEmbed answer, and static assets (web component, CSS)."""
