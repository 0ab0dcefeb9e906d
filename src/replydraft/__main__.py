"""`python -m replydraft` runs the same CLI as the `replydraft` script."""

from replydraft.cli import main

raise SystemExit(main())
