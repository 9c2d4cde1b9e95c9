"""``python -m neutral_timeline``: the command line."""

from neutral_timeline.cli import main

raise SystemExit(main())
