from evidence_cli.app import main

main()
