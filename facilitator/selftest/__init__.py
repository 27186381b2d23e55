"""`facilitator --self-test`: proves this installation (above all the bundle) can run a day.

runner.py runs and reports the steps that plan.py lists; day.py (workspace,
roster, assignment, phone server), outputs.py (slides, PDFs, exports),
packages.py (every third-party package) and qt_checks.py (Qt PDF, the main
window) hold them; base.py is what they share. docs/packaging.md lists the steps.
"""

from facilitator.selftest.base import Step, StepFailed, StepStatus
from facilitator.selftest.runner import run_self_test, run_steps, summary

__all__ = ["Step", "StepFailed", "StepStatus", "run_self_test", "run_steps", "summary"]
