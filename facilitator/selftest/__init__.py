"""`facilitator --self-test`: proves this installation can run a training day."""
