from bitcheck.cli import main

main()
