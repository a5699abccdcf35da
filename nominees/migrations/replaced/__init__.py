"""The chain the squashed migration beside this folder replaces, out of Django's sight (a
subfolder): while Django saw both, the squashed apps would inherit the old chains' dependencies between apps, a
circle. A database stopped partway through it finishes it with `CDD4_REPLACED_MIGRATIONS=1 manage.py migrate`
(docs/operations.md, "Squashed migrations")."""
