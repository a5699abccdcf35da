"""The contest builder: a contest as a form (`form.py`, filled from the rubric format by `prefill.py`; its dimension
and criterion `rows.py`; a rule's form from its kind's declaration, `rule_forms.py`; milestone `conditions.py`), who
enters (`entrants.py`), the preview and the pages. It saves through `rubrics.services`."""
