"""`python -m wechat_impact` runs the command line, like the `wechat-impact` script."""

from wechat_impact.cli import main

if __name__ == "__main__":  # tools that re-import this module must not rerun the command
    raise SystemExit(main())
