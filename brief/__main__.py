"""`python -m brief`: the `brief` command, for an environment whose scripts folder is not on PATH."""
from brief.cli import main

if __name__ == "__main__":
    main()
