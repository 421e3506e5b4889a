// The ncurses wide-character API for Swift. Only NcursesBackend imports this module.
#ifndef RUNSCOPE_CNCURSESW_SHIM_H
#define RUNSCOPE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals and function-like macros, which Swift 6 cannot use directly.
static inline WINDOW *runscope_stdscr(void) { return stdscr; }
static inline int runscope_colors(void) { return COLORS; }
static inline int runscope_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t runscope_a_normal(void) { return A_NORMAL; }
static inline attr_t runscope_a_bold(void) { return A_BOLD; }
static inline attr_t runscope_a_dim(void) { return A_DIM; }
static inline attr_t runscope_a_italic(void) { return A_ITALIC; }
static inline attr_t runscope_a_underline(void) { return A_UNDERLINE; }
static inline attr_t runscope_a_reverse(void) { return A_REVERSE; }
static inline void runscope_setlocale(void) { setlocale(LC_ALL, ""); }

// Draws one cell: up to CCHARW_MAX wide characters (a grapheme cluster) with attributes and a colour pair.
static inline int runscope_put_cell(int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = chars[i];
    text[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)(pair < 32767 ? pair : 0), pair < 32767 ? NULL : &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// Handlers for crash signals that give the terminal back (best effort) before the
// process dies of the signal. SIGINT, SIGTERM and SIGHUP are not handled here: the
// backend turns them into a flag the UI loop polls, so it can restore the terminal
// outside a signal handler.
// The terminal's descriptor while mouse reporting is on (-1 when off): a crash turns it
// off again before the process dies (write is async-signal-safe).
static int runscope_mouse_fd = -1;

static inline void runscope_set_mouse_fd(int fd) { runscope_mouse_fd = fd; }

static void runscope_restore_and_reraise(int sig) {
    if (runscope_mouse_fd >= 0) {
        static const char off[] = "\033[?1006l\033[?1000l";
        ssize_t ignored = write(runscope_mouse_fd, off, sizeof off - 1);
        (void)ignored;
    }
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int runscope_fatal_signals[] = {SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE};

static inline void runscope_install_restore_handlers(void) {
    for (unsigned i = 0; i < sizeof runscope_fatal_signals / sizeof runscope_fatal_signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = runscope_restore_and_reraise;
        sigaction(runscope_fatal_signals[i], &action, NULL);
    }
}

static inline void runscope_reset_restore_handlers(void) {
    for (unsigned i = 0; i < sizeof runscope_fatal_signals / sizeof runscope_fatal_signals[0]; i++) {
        signal(runscope_fatal_signals[i], SIG_DFL);
    }
}

#endif
