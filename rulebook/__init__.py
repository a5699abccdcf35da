"""The rule engine, plain Python (no Django, contract `pure-rules`): a rubric's shapes (`rubric.py`) and their reading
from JSON (`spec.py`), the rule kinds (`rulebook/rules/`), the scorer and ranking (`engine.py`), dates and Thai
working days (`dates.py`, `workdays.py`), and the rubric diff (`diff.py`). Tested without a database
(`tests/rulebook`)."""
