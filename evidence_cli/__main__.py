from evidence_cli.main import main

main()
