from goedwerkplaats.cli import main

raise SystemExit(main())
