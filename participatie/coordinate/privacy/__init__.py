"""Personal data: reviewing statements before they reach a report, and the DPO export."""
