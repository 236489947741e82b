/* keystroke.c
 *
 * Copyright 2026 The Samverkan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type in the real window on a large register: the time from
 * a keystroke's search to the next frame drawn with the new list, and the
 * resident memory. Run under a display:
 *
 *   xvfb-run -a build/bench/samverkan-keystroke bench/out/register-100000.sqlite
 *
 * The search entry waits 150 ms after the last key before it searches (so a
 * fast typist does not search every letter); that wait is by design and is
 * not part of the figure: each keystroke here searches at once.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sam-window.h"

static const char * const typed[] = {
  "socialtjänsten umeå", "kvinnojour", "090", "polis", "akut", "mottagning för",
  "jour", "ungdom", "länsstyrelsen", "0701", "kast", "stöd", "migrations", "region",
};

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static void
wait_for_frame (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
idle_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The CPU time of the process in ms: on a shared machine the wall clock
 * also counts the time other programs had the cores. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) || !(p = strstr (text, field)))
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  SamWindow *window;
  GtkEditable *entry;
  GdkFrameClock *clock;
  guint search_changed;
  double *t;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: %s REGISTER.sqlite\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  store = sam_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  window = sam_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  idle_ms (500);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  entry = sam_window_get_search_entry (window);
  /* the search is started here at once, not by the entry after its wait */
  search_changed = g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), G_MAXINT);

  /* the floor: a redraw of the whole window with nothing changed */
  for (guint i = 0; i < 20; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame ();
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (redraws, ms);
      idle_ms (20);
    }

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      const char *text = typed[q];

      /* one keystroke clears the entry (Ctrl+A, Delete), then each letter */
      for (const char *p = text; ; p = g_utf8_next_char (p))
        {
          gint64 t0 = g_get_monotonic_time ();
          double c0 = cpu_ms ();
          double ms;

          g_signal_handlers_block_matched (entry, G_SIGNAL_MATCH_ID, search_changed, 0, NULL, NULL, NULL);
          if (p == text)
            gtk_editable_delete_text (entry, 0, -1);
          else
            {
              int pos = -1;
              const char *prev = g_utf8_prev_char (p);
              gtk_editable_insert_text (entry, prev, p - prev, &pos);
            }
          g_signal_handlers_unblock_matched (entry, G_SIGNAL_MATCH_ID, search_changed, 0, NULL, NULL, NULL);
          g_signal_emit (entry, search_changed, 0);
          gtk_widget_queue_draw (GTK_WIDGET (window));
          wait_for_frame ();
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (times, ms);
          ms = cpu_ms () - c0;
          g_array_append_val (cpu, ms);
          idle_ms (20);
          if (*p == '\0')
            break;
        }
    }

  n = times->len;
  t = (double *) times->data;
  qsort (t, n, sizeof (double), compare);
  g_print ("keystrokes: %u over %u typed queries, register of %" G_GINT64_FORMAT " actors\n",
           n, (guint) G_N_ELEMENTS (typed), sam_store_count_actors (store));
  g_print ("keystroke → new list drawn: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
           t[n / 2], t[(n * 95) / 100], t[n - 1]);
  t = (double *) cpu->data;
  qsort (t, n, sizeof (double), compare);
  g_print ("the same in CPU time of the process: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
           t[n / 2], t[(n * 95) / 100], t[n - 1]);
  qsort (redraws->data, redraws->len, sizeof (double), compare);
  g_print ("a redraw of the unchanged window (the floor): p50 %.1f ms\n",
           ((double *) redraws->data)[redraws->len / 2]);
  g_print ("resident memory: now %ld MB, peak %ld MB\n",
           status_kb ("VmRSS:") / 1024, status_kb ("VmHWM:") / 1024);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
