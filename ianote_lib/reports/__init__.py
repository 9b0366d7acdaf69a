"""Presentation helpers the stages share: French display tables, chart style, HTML export."""
