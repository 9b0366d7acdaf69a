"""The note administrative: plan, selection, writing, verification, overrides, rendering."""
