"""Selection in stages (docs/contests.md, Stages): a contest whose entrants are picked, stage by stage, by the
offices of one level; its models, rules, the lock's part, picks, pages, admin and data in one place."""
