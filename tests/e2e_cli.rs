//! The binary's command line, run in a pseudo-terminal.

mod support;

#[test]
fn help_in_a_terminal_lists_every_flag_of_the_cli_contract() {
    let mut session = support::Session::start(&["--help"], 100, 40);
    let screen = session.wait_for_text("--ambiguous-width");
    for flag in ["--json", "--toc", "--dump", "--width", "--ambiguous-width"] {
        assert!(
            screen.contains(flag),
            "--help does not list {flag}:\n{screen}"
        );
    }
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}
