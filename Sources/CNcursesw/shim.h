#ifndef BULLETIN_CNCURSESW_SHIM_H
#define BULLETIN_CNCURSESW_SHIM_H

/* The wide-character API is only visible when the header itself asks for it. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t c);

static inline WINDOW *bulletin_stdscr(void) { return stdscr; }
static inline int bulletin_lines(void) { return LINES; }
static inline int bulletin_cols(void) { return COLS; }
static inline int bulletin_colors(void) { return COLORS; }
static inline int bulletin_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t bulletin_a_normal(void) { return A_NORMAL; }
static inline attr_t bulletin_a_reverse(void) { return A_REVERSE; }
static inline attr_t bulletin_a_bold(void) { return A_BOLD; }
static inline attr_t bulletin_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bulletin_a_dim(void) { return A_DIM; }
static inline mmask_t bulletin_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t bulletin_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t bulletin_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t bulletin_button5_pressed(void) { return 0; }
#endif

/* Signals: the reader's handlers only record the signal; the app loop restores the
   terminal (endwin), flushes state, then re-raises it with the default action.
   Only Backend/NcursesBackend.swift calls these, so the flag has a single copy. */
#include <signal.h>
#include <sys/wait.h>
static volatile sig_atomic_t bulletin_pending_signal = 0;
static void bulletin_record_signal(int sig) { bulletin_pending_signal = sig; }
static inline void bulletin_trap_signals(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = bulletin_record_signal;
    sigaction(SIGINT, &action, 0);
    sigaction(SIGTERM, &action, 0);
    sigaction(SIGHUP, &action, 0);
}
static inline int bulletin_take_signal(void) {
    int sig = bulletin_pending_signal;
    bulletin_pending_signal = 0;
    return sig;
}
static inline void bulletin_reraise(int sig) {
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void bulletin_reap_children(void) {
    while (waitpid(-1, 0, WNOHANG) > 0) {}
}
static inline int bulletin_set_cchar(cchar_t *cell, const wchar_t *text, attr_t attrs, short pair) {
    return setcchar(cell, text, attrs, pair, 0);
}

#endif
