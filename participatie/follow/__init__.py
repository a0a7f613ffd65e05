"""Follow-through after the decisions: priorities, werkgroepen, SMART goals, the actieplan,
indicators and their measurements (DESIGN §1 step 6)."""
