/* test-track-bad.c: files that are not runs, and hostile ones
 *
 * Each is refused with a message that names the file and says why; an
 * external entity is never read, an entity never expanded; GPSBabel that
 * refuses, hangs or is missing is reported as such; nothing reaches
 * stderr.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "track-test-util.h"
#include "tracks/loadwise-track-reader-private.h"
#include "tracks/loadwise-track-reader.h"

#define GOOD_POINT "<trkpt lat=\"47.1\" lon=\"8.2\"><ele>400</ele><time>2024-05-04T06:30:00Z</time></trkpt>\n"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = loadwise_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("LOADWISE_GPSBABEL");
  loadwise_track_reader_set_gpsbabel_timeout_s (0);
}

static void
assert_refused (Fixture    *fixture,
                const char *name,
                const char *contents,
                gssize      length,
                const char *message)
{
  g_autofree char *path = track_test_write (fixture->dir, name, contents, length);

  g_test_message ("%s", name);
  track_test_assert_refused (path, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT, message);
}

static void
assert_xml_refused (const char *name,
                    const char *contents,
                    gssize      length,
                    const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;

  g_test_message ("%s", name);
  track = loadwise_track_read_xml (contents, length < 0 ? strlen (contents) : (gsize) length, name, NULL,
                                   &error);
  g_assert_null (track);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_not_tracks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  char junk[4096];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char) g_rand_int_range (rand, 0, 256);
  junk[0] = (char) 0x89; /* no '<', as in a PNG */
  memcpy (junk + 8, "JUNK", 4);

  assert_refused (fixture, "empty.gpx", "", 0, "empty.gpx: the file is empty");
  assert_refused (fixture, "blank.gpx", "  \n\t\n", -1, "blank.gpx: not a GPX, TCX or FIT file");
  assert_refused (fixture, "notes.gpx", "Monday: 8 km easy, hip fine\n", -1, "notes.gpx: not a GPX, TCX or FIT file");
  assert_refused (fixture, "junk.fit", junk, sizeof junk, "junk.fit: not a GPX, TCX or FIT file");
  assert_refused (fixture, "places.gpx",
                  "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>\n", -1,
                  "places.gpx: not a GPX, TCX or FIT file");
  assert_refused (fixture, "tags.gpx", "<<<>>>\n", -1, "tags.gpx: not a GPX, TCX or FIT file");
  assert_refused (fixture, "page.gpx", "<!DOCTYPE html>\n<html><body>Run</body></html>\n", -1,
                  "page.gpx: the file has a DOCTYPE, which track files never have");
  assert_refused (fixture, "planned.gpx",
                  "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>3</ele></trkpt>"
                  "<trkpt lat=\"1.1\" lon=\"2\"/></trkseg></trk></gpx>", -1,
                  "planned.gpx: the file has no time stamps, so it is a planned route, not a recorded run");
  assert_refused (fixture, "waypoints.gpx",
                  "<gpx version=\"1.1\"><wpt lat=\"1\" lon=\"2\"><time>2024-01-01T00:00:00Z</time></wpt>"
                  "<trk><name>Nothing yet</name></trk></gpx>", -1,
                  "waypoints.gpx: the file has no track points");
  assert_refused (fixture, "nothing.tcx",
                  "<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>", -1,
                  "nothing.tcx: the file has no track points");
}

/* Every cut of a good file, from inside its root to just before its end,
 * ends early, and says on which line. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  static const char whole[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "  <trk>\n    <name>Hill reps</name>\n    <type><![CDATA[running]]></type>\n    <trkseg>\n"
    "      <trkpt lat=\"47.1\" lon=\"8.2\">\n        <ele>400.0</ele>\n"
    "        <time>2024-05-04T06:30:00Z</time>\n      </trkpt>\n"
    "      <trkpt lat=\"47.1001\" lon=\"8.2\">\n        <ele>401.5</ele>\n"
    "        <time>2024-05-04T06:30:04Z</time>\n      </trkpt>\n"
    "    </trkseg>\n  </trk>\n</gpx>\n";
  const char *root = strstr (whole, "<gpx");
  gsize start = root - whole + 5;
  gsize end = strlen (whole) - strlen ("</gpx>\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;

  track = loadwise_track_read_xml (whole, strlen (whole), "hills.gpx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (track->points->len, ==, 2);

  for (gsize cut = start; cut <= end + strlen ("</gpx"); cut++)
    {
      g_autofree char *line = NULL;
      g_autofree char *expected = NULL;
      long n_lines = 1;

      /* The last line with something on it. */
      for (gsize i = 0; i < cut; i++)
        n_lines += whole[i] == '\n';
      for (gsize i = cut; i > 0 && g_ascii_isspace (whole[i - 1]); i--)
        n_lines -= whole[i - 1] == '\n';
      expected = g_strdup_printf ("hills.gpx: the file ends early (line %ld)", n_lines);
      g_test_message ("cut at %" G_GSIZE_FORMAT, cut);
      assert_xml_refused ("hills.gpx", whole, (gssize) cut, expected);
    }
}

/* UTF-16 with a lone surrogate; EUC-JP with bytes it has no character
 * for. */
static const char surrogate[] = "\xff\xfe<\0g\0p\0x\0>\0\x00\xd8<\0/\0g\0p\0x\0>\0";
static const char euc_jp[] = "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><gpx>\x8e\xff\xff</gpx>";

static void
test_not_xml (Fixture       *fixture,
              gconstpointer  data)
{
  assert_refused (fixture, "mismatch.gpx",
                  "<gpx version=\"1.1\">\n<trk>\n<trkseg>\n" GOOD_POINT "</trk>\n</trkseg>\n</gpx>\n", -1,
                  "mismatch.gpx: the file is not valid XML at line 5 "
                  "(Opening and ending tag mismatch: trkseg line 3 and trk)");
  assert_refused (fixture, "twice.gpx",
                  "<gpx version=\"1.1\"><trk><trkseg>" GOOD_POINT "</trkseg></trk></gpx>\n<gpx>\n", -1,
                  "twice.gpx: the file is not valid XML at line 3 (Extra content at the end of the document)");
  assert_refused (fixture, "latin1.gpx",
                  "<gpx version=\"1.1\">\n<trk><name>M\xfcnchen</name><trkseg>" GOOD_POINT "</trkseg></trk></gpx>\n",
                  -1, "latin1.gpx: the file is not valid XML at line 2 (Input is not proper UTF-8, indicate encoding !)");
  /* libxml2 reports these to the thread's handlers, not the reader's. */
  assert_xml_refused ("surrogate.gpx", surrogate, sizeof surrogate - 1,
                      "surrogate.gpx: the file is not valid XML at line 1 "
                      "(input conversion failed due to input error, bytes 0x00 0xD8 0x3C 0x00)");
  assert_refused (fixture, "euc.gpx", euc_jp, -1,
                  "euc.gpx: the file is not valid XML at line 1 "
                  "(input conversion failed due to input error, bytes 0x8E 0xFF 0xFF 0x3C)");
  assert_refused (fixture, "ampersand.gpx",
                  "<gpx version=\"1.1\">\n<trk><name>Hills & reps</name><trkseg>" GOOD_POINT "</trkseg></trk></gpx>\n",
                  -1, "ampersand.gpx: the file is not valid XML at line 2 (xmlParseEntityRef: no name)");
}

static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_xml_refused ("north.gpx",
                      "<gpx>\n<trk><trkseg>\n<trkpt lat=\"91\" lon=\"8\"><time>2024-05-04T06:30:00Z</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "north.gpx: the latitude “91” at line 3 is not a number from -90 to 90");
  assert_xml_refused ("east.gpx",
                      "<gpx><trk><trkseg><trkpt lat=\"47\" lon=\"east\"><time>2024-05-04T06:30:00Z</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "east.gpx: the longitude “east” at line 1 is not a number from -180 to 180");
  assert_xml_refused ("nan.gpx",
                      "<gpx><trk><trkseg><trkpt lat=\"nan\" lon=\"8\"><time>2024-05-04T06:30:00Z</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "nan.gpx: the latitude “nan” at line 1 is not a number from -90 to 90");
  assert_xml_refused ("space.gpx",
                      "<gpx><trk><trkseg>\n\n" GOOD_POINT
                      "<trkpt lat=\"47\" lon=\"8\"><ele>1e5</ele><time>2024-05-04T06:30:09Z</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "space.gpx: the elevation “1e5” at line 4 is not a number of metres from -1000 to 10000");
  assert_xml_refused ("hex.gpx",
                      "<gpx><trk><trkseg><trkpt lat=\"47\" lon=\"8\"><ele>0x10</ele>"
                      "<time>2024-05-04T06:30:00Z</time></trkpt></trkseg></trk></gpx>", -1,
                      "hex.gpx: the elevation “0x10” at line 1 is not a number of metres from -1000 to 10000");
  assert_xml_refused ("when.gpx",
                      "<gpx><trk><trkseg><trkpt lat=\"47\" lon=\"8\">\n<time>yesterday</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "when.gpx: the time “yesterday” at line 2 is not a date and time such as 2024-05-04T07:30:00Z");
  assert_xml_refused ("date.gpx",
                      "<gpx><trk><trkseg><trkpt lat=\"47\" lon=\"8\"><time>2024-05-04</time></trkpt>"
                      "</trkseg></trk></gpx>", -1,
                      "date.gpx: the time “2024-05-04” at line 1 is not a date and time such as 2024-05-04T07:30:00Z");
  assert_xml_refused ("back.tcx",
                      "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap>"
                      "<DistanceMeters>-5</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>", -1,
                      "back.tcx: the distance “-5” at line 1 is not a number of metres from 0 to 1000000");
  assert_xml_refused ("half.tcx",
                      "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap><Track>\n"
                      "<Trackpoint><Time>2024-05-04T06:30:00Z</Time>"
                      "<Position><LatitudeDegrees>47</LatitudeDegrees></Position></Trackpoint>"
                      "</Track></Lap></Activity></Activities></TrainingCenterDatabase>", -1,
                      "half.tcx: the track point at line 2 has only one of latitude and longitude");
}

/* A value is quoted, but not at any length. */
static void
test_long_value (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GString) gpx = g_string_new ("<gpx><trk><trkseg><trkpt lat=\"47\" lon=\"8\"><time>");
  g_autofree char *expected = NULL;
  g_autofree char *forty = g_strnfill (40, '7');

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (gpx, '7');
  g_string_append (gpx, "</time></trkpt></trkseg></trk></gpx>");
  expected = g_strdup_printf ("long.gpx: the time “%s…” at line 1 is not a date and time such as "
                              "2024-05-04T07:30:00Z", forty);
  assert_xml_refused ("long.gpx", gpx->str, (gssize) gpx->len, expected);
}

static const char xxe_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!-- exported -->\n"
  "<!DOCTYPE gpx [\n"
  "  <!ENTITY secret SYSTEM \"file://%s\">\n"
  "]>\n"
  "<gpx version=\"1.1\"><trk><name>&secret;</name><type>&secret;</type><trkseg>"
  "<trkpt lat=\"47\" lon=\"8\"><time>2024-05-04T06:30:00Z</time></trkpt></trkseg></trk></gpx>\n";

static const char laughs[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE gpx [\n"
  " <!ENTITY lol \"lol\">\n"
  " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
  " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
  " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
  " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
  " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
  " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
  " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
  "]>\n"
  "<gpx version=\"1.1\"><trk><type>&lol9;</type><trkseg>"
  "<trkpt lat=\"47\" lon=\"8\"><time>2024-05-04T06:30:00Z</time></trkpt></trkseg></trk></gpx>\n";

/* UTF-16LE with its byte-order mark: a DOCTYPE libxml2 has to find. */
static char *
to_utf16 (const char *text,
          gsize      *out_length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  gsize length = 0;
  char *with_bom;

  body = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  with_bom[0] = (char) 0xff;
  with_bom[1] = (char) 0xfe;
  memcpy (with_bom + 2, body, length);
  *out_length = length + 2;
  return with_bom;
}

static void
test_xxe (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *secret = track_test_write (fixture->dir, "secret.txt", "LOADWISE-SECRET-7d1f", -1);
  g_autofree char *xxe = g_strdup_printf (xxe_template, secret);
  g_autofree char *xxe_utf16 = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;
  gsize length = 0;

  path = track_test_write (fixture->dir, "xxe.gpx", xxe, -1);
  file = g_file_new_for_path (path);
  track = loadwise_track_read_file (file, NULL, NULL, NULL, &error);
  g_assert_null (track);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "xxe.gpx: the file has a DOCTYPE, which track files never have");
  g_assert_null (strstr (error->message, "LOADWISE-SECRET"));

  /* In UTF-16 the check before libxml2 cannot see it; libxml2's reader
   * comes to the DOCTYPE before any element. */
  xxe_utf16 = to_utf16 (strstr (xxe, "<!--"), &length);
  assert_xml_refused ("xxe16.gpx", xxe_utf16, (gssize) length,
                      "xxe16.gpx: the file has a DOCTYPE, which track files never have");
}

static void
test_entities (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *laughs16 = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize length = 0;

  assert_refused (fixture, "laughs.gpx", laughs, -1,
                  "laughs.gpx: the file has a DOCTYPE, which track files never have");
  /* In UTF-16 it is libxml2's reader that comes to the DOCTYPE. */
  laughs16 = to_utf16 (strstr (laughs, "<!DOCTYPE"), &length);
  assert_xml_refused ("laughs16.gpx", laughs16, (gssize) length,
                      "laughs16.gpx: the file has a DOCTYPE, which track files never have");
  /* An entity with no DOCTYPE to declare it. */
  assert_xml_refused ("undeclared.gpx",
                      "<gpx version=\"1.1\">\n<trk><name>&hip;</name><trkseg>" GOOD_POINT "</trkseg></trk></gpx>\n",
                      -1, "undeclared.gpx: the file refers to an entity (line 2), which track files never do");
  /* Nothing was expanded: a billion laughs takes no time. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_too_big (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.gpx", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* Sparse: no disk taken, and refused before a byte is read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<gpx>", 5), ==, 5);
  g_assert_cmpint (ftruncate (fd, LOADWISE_TRACK_FILE_MAX_BYTES + 1), ==, 0);
  g_close (fd, NULL);
  track_test_assert_refused (path, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                             "big.gpx: the file is larger than 32 MB, the most Loadwise reads");
}

static GString *
gpx_with_points (guint n_points)
{
  GString *gpx = g_string_new ("<gpx version=\"1.1\"><trk><trkseg>\n");

  for (guint i = 0; i < n_points; i++)
    g_string_append_printf (gpx, "<trkpt lat=\"47\" lon=\"8\"><time>2024-05-04T%02u:%02u:%02uZ</time></trkpt>\n",
                            i / 3600 % 24, i / 60 % 60, i % 60);
  g_string_append (gpx, "</trkseg></trk></gpx>\n");
  return gpx;
}

static void
test_too_many_points (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GString) most = gpx_with_points (LOADWISE_TRACK_MAX_POINTS);
  g_autoptr (GString) more = gpx_with_points (LOADWISE_TRACK_MAX_POINTS + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;

  track = loadwise_track_read_xml (most->str, most->len, "day.gpx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (track->points->len, ==, LOADWISE_TRACK_MAX_POINTS);

  assert_xml_refused ("more.gpx", more->str, (gssize) more->len,
                      "more.gpx: the track has more than 200000 points, the most Loadwise reads");
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gpx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "watch.gpx", NULL);
  g_autofree char *good = track_test_write (fixture->dir, "good.gpx",
                                            "<gpx><trk><trkseg>" GOOD_POINT "</trkseg></trk></gpx>", -1);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GFile) file = g_file_new_for_path (good);
  g_autoptr (GError) error = NULL;

  track_test_assert_refused (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "missing.gpx: the file is not there");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  track_test_assert_refused (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                             "watch.gpx: this is a folder, not a track file");

  g_cancellable_cancel (cancellable);
  g_assert_null (loadwise_track_read_file (file, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- FIT ---- */

/* A real FIT file of a short run, made by GPSBabel. */
static char *
make_fit (Fixture    *fixture,
          const char *name)
{
  g_autoptr (GString) gpx = g_string_new ("<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                                          "<trk><trkseg>\n");
  g_autofree char *gpx_path = g_build_filename (fixture->dir, "short.gpx", NULL);
  char *fit_path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (gpx, "<trkpt lat=\"47.%04u\" lon=\"8.2\"><ele>%u</ele>"
                            "<time>2024-05-04T06:30:%02uZ</time></trkpt>\n", 1000 + 3 * i, 400 + i / 3, i);
  g_string_append (gpx, "</trkseg></trk></gpx>\n");
  g_file_set_contents (gpx_path, gpx->str, (gssize) gpx->len, &error);
  g_assert_no_error (error);
  track_test_gpsbabel ("-t", "-i", "gpx", "-f", gpx_path, "-o", "garmin_fit", "-F", fit_path, NULL);
  return fit_path;
}

static void
test_fit_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "good.fit");
  g_autoptr (GBytes) bytes = loadwise_test_read_file (fit);
  gsize size = 0;
  const guint8 *good = g_bytes_get_data (bytes, &size);
  g_autofree guint8 *flipped = g_memdup2 (good, size);
  g_autofree char *short_message = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;
  guint32 data_size = good[4] | good[5] << 8 | good[6] << 16 | (guint32) good[7] << 24;

  /* The good one reads: 30 points. */
  track = track_test_read (fit, LOADWISE_TRACK_FORMAT_FIT);
  g_assert_cmpuint (track->points->len, ==, 30);

  /* One bit flipped in the middle: the CRC no longer matches. GPSBabel's
   * message names the file, not the temporary copy it read. */
  flipped[size / 2] ^= 0x10;
  assert_refused (fixture, "flipped.fit", (const char *) flipped, (gssize) size,
                  "flipped.fit: GPSBabel could not read the file: fit: File CRC mismatch in file flipped.fit.");

  /* The header alone (14 bytes), which promises more. */
  g_assert_cmpuint (good[0], ==, 14);
  short_message = g_strdup_printf ("header.fit: GPSBabel could not read the file: fit: File size 14 is not "
                                   "expected given header len 14, data length %u and a 2 byte file CRC.",
                                   data_size);
  assert_refused (fixture, "header.fit", (const char *) good, 14, short_message);
}

static void
test_gpsbabel_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "run.fit");

  g_setenv ("LOADWISE_GPSBABEL", "/nonexistent", TRUE);
  track_test_assert_refused (fit, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
                             "run.fit: reading FIT files needs GPSBabel; install the package “gpsbabel”");
}

/* A stand-in for GPSBabel: a shell script in the test's folder. */
static void
fake_gpsbabel (Fixture    *fixture,
               const char *script)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fake-gpsbabel", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  g_setenv ("LOADWISE_GPSBABEL", path, TRUE);
}

/* The folder GPSBabel was given ("-F OUT", recorded by the fake). */
static char *
recorded_folder (Fixture *fixture)
{
  g_autofree char *args_path = g_build_filename (fixture->dir, "args", NULL);
  g_autofree char *args = NULL;
  g_auto (GStrv) words = NULL;
  guint n;

  g_assert_true (g_file_get_contents (args_path, &args, NULL, NULL));
  words = g_strsplit (g_strstrip (args), " ", -1);
  n = g_strv_length (words);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (words[6], ==, "-F");
  return g_path_get_dirname (words[7]);
}

static void
test_gpsbabel_timeout (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "slow.fit");
  g_autofree char *script = NULL;
  g_autofree char *folder = NULL;
  gint64 start;

  /* sleep is its child, not the script itself: the timeout must stop
   * the whole process group, or the pipes would stay open for 60 s. */
  script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s/args'\nsleep 60\necho done\n", fixture->dir);
  fake_gpsbabel (fixture, script);
  loadwise_track_reader_set_gpsbabel_timeout_s (1);

  start = g_get_monotonic_time ();
  track_test_assert_refused (fit, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                             "slow.fit: GPSBabel took longer than 1 s to read the file and was stopped");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* Its private folder is gone. */
  folder = recorded_folder (fixture);
  g_assert_true (g_str_has_prefix (folder, g_get_tmp_dir ()));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_gpsbabel_cancelled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "slow.fit");
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s/args'\nsleep 60\n", fixture->dir);
  g_autofree char *folder = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GFile) file = g_file_new_for_path (fit);
  g_autoptr (GError) error = NULL;
  GThread *thread;
  gint64 start = g_get_monotonic_time ();

  fake_gpsbabel (fixture, script);
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  g_assert_null (loadwise_track_read_file (file, cancellable, NULL, NULL, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  folder = recorded_folder (fixture);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_gpsbabel_silent (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "quiet.fit");
  g_autofree char *folder = NULL;
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s/args'\nexit 3\n", fixture->dir);

  fake_gpsbabel (fixture, script);
  track_test_assert_refused (fit, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                             "quiet.fit: GPSBabel could not read the file (it gave up with status 3)");
  folder = recorded_folder (fixture);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* Success, but no GPX. */
  g_clear_pointer (&script, g_free);
  script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s/args'\nexit 0\n", fixture->dir);
  fake_gpsbabel (fixture, script);
  track_test_assert_refused (fit, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                             "quiet.fit: GPSBabel wrote no track for the file");
}

/* The real GPSBabel, through a script that notes its arguments: the
 * private folder is gone after a good read too. */
static void
test_gpsbabel_cleans_up (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fit = make_fit (fixture, "good.fit");
  g_autofree char *gpsbabel = g_find_program_in_path ("gpsbabel");
  g_autofree char *script = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;

  g_assert_nonnull (gpsbabel);
  script = g_strdup_printf ("#!/bin/sh\necho \"$@\" > '%s/args'\nexec '%s' \"$@\"\n", fixture->dir, gpsbabel);
  fake_gpsbabel (fixture, script);
  track = track_test_read (fit, LOADWISE_TRACK_FORMAT_FIT);
  g_assert_cmpuint (track->points->len, ==, 30);
  folder = recorded_folder (fixture);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* ---- Silence ---- */

static void
read_quietly (Fixture    *fixture,
              const char *name,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = track_test_write (fixture->dir, name, contents, length);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = loadwise_track_read_file (file, NULL, NULL, NULL, &error);

  g_assert_null (track);
  g_assert_nonnull (error);
}

/* libxml2 and GPSBabel say nothing on stderr: the messages are the
 * errors'. */
static void
test_quiet (Fixture       *fixture,
            gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *fit = make_fit (fixture, "good.fit");
      g_autoptr (GBytes) bytes = loadwise_test_read_file (fit);
      gsize size = 0;
      g_autofree char *flipped = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
      g_autofree char *laughs16 = NULL;
      gsize length = 0;

      flipped[size / 2] ^= 0x10;
      read_quietly (fixture, "flipped.fit", flipped, (gssize) size);
      read_quietly (fixture, "latin1.gpx", "<gpx>\n<trk><name>M\xfcnchen</name></trk></gpx>", -1);
      read_quietly (fixture, "cut.gpx", "<gpx><trk><trkseg><trkpt lat=", -1);
      read_quietly (fixture, "encoding.gpx", "<?xml version=\"1.0\" encoding=\"klingon\"?><gpx/>", -1);
      read_quietly (fixture, "undeclared.gpx", "<gpx>&hip;</gpx>", -1);
      read_quietly (fixture, "surrogate.gpx", surrogate, sizeof surrogate - 1);
      read_quietly (fixture, "euc.gpx", euc_jp, -1);
      laughs16 = to_utf16 (strstr (laughs, "<!DOCTYPE"), &length);
      read_quietly (fixture, "laughs16.gpx", laughs16, (gssize) length);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tracks/bad/not-tracks", test_not_tracks);
  ADD ("/tracks/bad/truncated", test_truncated);
  ADD ("/tracks/bad/not-xml", test_not_xml);
  ADD ("/tracks/bad/values", test_bad_values);
  ADD ("/tracks/bad/long-value", test_long_value);
  ADD ("/tracks/bad/xxe", test_xxe);
  ADD ("/tracks/bad/entities", test_entities);
  ADD ("/tracks/bad/too-big", test_too_big);
  ADD ("/tracks/bad/too-many-points", test_too_many_points);
  ADD ("/tracks/bad/unreadable", test_unreadable);
  ADD ("/tracks/bad/fit-refused", test_fit_refused);
  ADD ("/tracks/bad/gpsbabel-missing", test_gpsbabel_missing);
  ADD ("/tracks/bad/gpsbabel-timeout", test_gpsbabel_timeout);
  ADD ("/tracks/bad/gpsbabel-cancelled", test_gpsbabel_cancelled);
  ADD ("/tracks/bad/gpsbabel-silent", test_gpsbabel_silent);
  ADD ("/tracks/bad/gpsbabel-cleans-up", test_gpsbabel_cleans_up);
  ADD ("/tracks/bad/quiet", test_quiet);
#undef ADD

  return g_test_run ();
}
