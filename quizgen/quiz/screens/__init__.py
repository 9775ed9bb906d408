"""The quiz's screens: start, question, results, and the help and confirm-quit dialogs."""
