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

#endif
