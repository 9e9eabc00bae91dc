/* loadwise-track-reader.c: GPX, TCX and FIT files into a LoadwiseTrack
 *
 * One streaming pass of libxml2's xmlTextReader: the elements a track is
 * made of are followed down a fixed table of paths (gpx/trk/trkseg/trkpt/
 * ele, ...), and everything else is skipped whole (metadata, waypoints,
 * extensions), so the memory used is that of the points kept.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "core/loadwise-error.h"
#include "core/loadwise-text.h"
#include "tracks/loadwise-track-reader-private.h"
#include "tracks/loadwise-track-reader.h"

/* No network and no output of libxml2's own. Never XML_PARSE_NOENT
 * (entity substitution), DTDLOAD or DTDATTR (reading a DTD), nor HUGE,
 * which lifts libxml2's limits on entity amplification; a DOCTYPE is
 * refused anyway. BIG_LINES keeps line numbers past 65,535 right. */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

/* (design) The values a point may carry. */
#define ELEVATION_MIN_M -1000.0   /* below the Dead Sea's shore (-430 m), with room for a barometer's drift */
#define ELEVATION_MAX_M 10000.0   /* above Everest (8,849 m) */
#define DISTANCE_MAX_M  1000000.0 /* 1,000 km: more than any run */
/* (design) A value longer than this is no number or time. */
#define TEXT_MAX_BYTES  256
/* (design) How much of a bad value a message quotes. */
#define QUOTE_MAX_CHARS 40

/* ---- What is read: the paths through GPX and TCX ---- */

typedef enum {
  TAG_SKIP,             /* not part of a track: skipped with what it holds */
  TAG_GPX,
  TAG_GPX_TRK,
  TAG_GPX_RTE,
  TAG_GPX_TYPE,         /* leaf */
  TAG_GPX_SEGMENT,
  TAG_GPX_POINT,
  TAG_GPX_ELE,          /* leaf */
  TAG_GPX_TIME,         /* leaf */
  TAG_TCX,
  TAG_TCX_ACTIVITIES,
  TAG_TCX_ACTIVITY,
  TAG_TCX_COURSES,
  TAG_TCX_COURSE,
  TAG_TCX_LAP,
  TAG_TCX_LAP_DISTANCE, /* leaf */
  TAG_TCX_TRACK,
  TAG_TCX_POINT,
  TAG_TCX_TIME,         /* leaf */
  TAG_TCX_POSITION,
  TAG_TCX_LAT,          /* leaf */
  TAG_TCX_LON,          /* leaf */
  TAG_TCX_ALTITUDE,     /* leaf */
  TAG_TCX_DISTANCE,     /* leaf */
} Tag;

/* Elements are matched by local name, whatever their namespace: GPX 1.0
 * and 1.1 differ only there, and some writers give none. What is not
 * listed is skipped, extensions with it (hr, cadence, OpenTracks' and
 * Gadgetbridge's own elements). OpenTracks' <opentracks:distance> is a
 * sensor's distance since the previous point (its GPXTrackExporter), not
 * a cumulative one, so GPX points carry no distance_m. */
static const struct {
  Tag         parent;
  const char *name;
  Tag         tag;
} paths[] = {
  { TAG_GPX, "trk", TAG_GPX_TRK },
  { TAG_GPX, "rte", TAG_GPX_RTE },
  { TAG_GPX_TRK, "type", TAG_GPX_TYPE },
  { TAG_GPX_TRK, "trkseg", TAG_GPX_SEGMENT },
  { TAG_GPX_SEGMENT, "trkpt", TAG_GPX_POINT },
  { TAG_GPX_RTE, "type", TAG_GPX_TYPE },
  { TAG_GPX_RTE, "rtept", TAG_GPX_POINT },
  { TAG_GPX_POINT, "ele", TAG_GPX_ELE },
  { TAG_GPX_POINT, "time", TAG_GPX_TIME },
  { TAG_TCX, "Activities", TAG_TCX_ACTIVITIES },
  { TAG_TCX_ACTIVITIES, "Activity", TAG_TCX_ACTIVITY },
  { TAG_TCX_ACTIVITY, "Lap", TAG_TCX_LAP },
  { TAG_TCX_LAP, "DistanceMeters", TAG_TCX_LAP_DISTANCE },
  { TAG_TCX_LAP, "Track", TAG_TCX_TRACK },
  /* A course (what GPSBabel's gtrnctr writes by default) has its laps
   * beside one track, not around it. */
  { TAG_TCX, "Courses", TAG_TCX_COURSES },
  { TAG_TCX_COURSES, "Course", TAG_TCX_COURSE },
  { TAG_TCX_COURSE, "Lap", TAG_TCX_LAP },
  { TAG_TCX_COURSE, "Track", TAG_TCX_TRACK },
  { TAG_TCX_TRACK, "Trackpoint", TAG_TCX_POINT },
  { TAG_TCX_POINT, "Time", TAG_TCX_TIME },
  { TAG_TCX_POINT, "Position", TAG_TCX_POSITION },
  { TAG_TCX_POSITION, "LatitudeDegrees", TAG_TCX_LAT },
  { TAG_TCX_POSITION, "LongitudeDegrees", TAG_TCX_LON },
  { TAG_TCX_POINT, "AltitudeMeters", TAG_TCX_ALTITUDE },
  { TAG_TCX_POINT, "DistanceMeters", TAG_TCX_DISTANCE },
};

/* The deepest path above is 8 elements. */
#define STACK_MAX 12

static Tag
child_tag (Tag         parent,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      if (paths[i].parent == parent && strcmp (paths[i].name, name) == 0)
        return paths[i].tag;
    }
  return TAG_SKIP;
}

static gboolean
tag_is_leaf (Tag tag)
{
  switch (tag)
    {
    case TAG_GPX_TYPE:
    case TAG_GPX_ELE:
    case TAG_GPX_TIME:
    case TAG_TCX_LAP_DISTANCE:
    case TAG_TCX_TIME:
    case TAG_TCX_LAT:
    case TAG_TCX_LON:
    case TAG_TCX_ALTITUDE:
    case TAG_TCX_DISTANCE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- Sports ---- */

/* (design) What files call a run, compared in lower case with "-" and " "
 * as "_": GPX <type> as Strava ("running", or its activity number 9),
 * OpenTracks ("running", or the runner's own word, so the German and
 * Spanish ones too) and Garmin write it; TCX Sport="Running". */
static const char * const running_names[] = {
  "running", "run", "trail_running", "treadmill_running", "street_running",
  "track_running", "indoor_running", "virtual_run", "virtualrun", "jogging",
  "9", "laufen", "joggen", "correr", "carrera",
};

/* (design) Words that do not say which sport: TCX Sport="Other" is what
 * a watch writes for an activity it has no name for. */
static const char * const unknown_names[] = {
  "other", "generic", "unknown", "none", "activity", "workout",
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (name, names[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static LoadwiseTrackSport
sport_from_name (const char *name)
{
  g_autofree char *key = g_utf8_strdown (name, -1);

  g_strdelimit (key, "- ", '_');
  if (name_in (key, running_names, G_N_ELEMENTS (running_names)))
    return LOADWISE_TRACK_SPORT_RUNNING;
  if (name_in (key, unknown_names, G_N_ELEMENTS (unknown_names)))
    return LOADWISE_TRACK_SPORT_UNKNOWN;
  return LOADWISE_TRACK_SPORT_OTHER;
}

/* ---- The reader's state ---- */

typedef struct {
  const char         *name;      /* the file's display name */
  xmlTextReaderPtr    reader;
  gboolean            converted; /* GPSBabel's GPX of a FIT file */
  /* The document in memory, to tell a file that ends early; NULL when
   * it is read from GPSBabel's output. */
  const char         *data;
  gsize               size;

  LoadwiseTrack      *track;
  LoadwiseTrackFormat format;
  GTimeZone          *utc;
  Tag                 stack[STACK_MAX];
  guint               depth;
  gboolean            seen_root;
  gboolean            seen_run;   /* a TCX Activity or Course: only the first is read */
  gboolean            seen_sport;

  GString            *text;       /* of the open leaf */
  gboolean            text_too_long;
  long                text_line;

  guint               n_timed_points;
  LoadwiseTrackPoint  point;
  gboolean            point_has_time;
  gboolean            point_has_lat;
  gboolean            point_has_lon;
  long                point_line;

  guint               lap;        /* of the TCX Lap open */
  double              lap_distance_m;
  guint               n_laps_with_distance;

  /* The first error libxml2 reported. */
  gboolean            xml_failed;
  int                 xml_code;
  int                 xml_line;
  char               *xml_message;
} ReadState;

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  ReadState *st = user_data;

  if (st->xml_failed || xml_error->level < XML_ERR_ERROR)
    return;
  st->xml_failed = TRUE;
  st->xml_code = xml_error->code;
  st->xml_line = xml_error->line;
  /* Its first line: a message on bad UTF-8 goes on with the bytes. */
  st->xml_message = g_utf8_make_valid (xml_error->message != NULL ? xml_error->message : "", -1);
  st->xml_message[strcspn (st->xml_message, "\n")] = '\0';
  g_strstrip (st->xml_message);
}

/* The line of the node the reader is on. libxml2 keeps an element's line
 * only up to 65,535; past that, or without one, the parser's own line
 * (it may have read a little ahead). */
static long
current_line (ReadState *st)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (st->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0 || line >= 65535)
    line = xmlTextReaderGetParserLineNumber (st->reader);
  return line;
}

/* ---- Messages ---- */

static gboolean
refuse_not_track (ReadState  *st,
                  GError    **error)
{
  return loadwise_error_invalid (error, _("%s: not a GPX, TCX or FIT file"), st->name);
}

static gboolean
refuse_doctype (const char  *name,
                GError     **error)
{
  return loadwise_error_invalid (error, _("%s: the file has a DOCTYPE, which track files never have"),
                                 name);
}

static gboolean
refuse_entity (ReadState  *st,
               long        line,
               GError    **error)
{
  return loadwise_error_invalid (error,
                                 _("%s: the file refers to an entity (line %ld), which track files never do"),
                                 st->name, line);
}

static gboolean
refuse_too_big (const char  *name,
                GError     **error)
{
  return loadwise_error_invalid (error, _("%s: the file is larger than %d MB, the most Loadwise reads"),
                                 name, LOADWISE_TRACK_FILE_MAX_BYTES / (1024 * 1024));
}

/* @text as a message quotes it: at most QUOTE_MAX_CHARS characters. */
static char *
quote_value (const char *text,
             gboolean    too_long)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *start = NULL;

  if (!too_long && n_chars <= QUOTE_MAX_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, MIN (n_chars, QUOTE_MAX_CHARS));
  return g_strconcat (start, "…", NULL);
}

/* @text, the value of @tag at @line, is no value it may have; it was cut
 * short when @too_long. */
static gboolean
refuse_value (ReadState   *st,
              Tag          tag,
              const char  *text,
              gboolean     too_long,
              long         line,
              GError     **error)
{
  g_autofree char *value = quote_value (text, too_long);

  switch (tag)
    {
    case TAG_TCX_LAT:
      return loadwise_error_invalid (error,
                                     _("%s: the latitude “%s” at line %ld is not a number from -90 to 90"),
                                     st->name, value, line);
    case TAG_TCX_LON:
      return loadwise_error_invalid (error,
                                     _("%s: the longitude “%s” at line %ld is not a number from -180 to 180"),
                                     st->name, value, line);
    case TAG_GPX_ELE:
    case TAG_TCX_ALTITUDE:
      return loadwise_error_invalid (error,
                                     _("%s: the elevation “%s” at line %ld is not a number of metres from -1000 to 10000"),
                                     st->name, value, line);
    case TAG_TCX_DISTANCE:
    case TAG_TCX_LAP_DISTANCE:
      return loadwise_error_invalid (error,
                                     _("%s: the distance “%s” at line %ld is not a number of metres from 0 to 1000000"),
                                     st->name, value, line);
    case TAG_GPX_TIME:
    case TAG_TCX_TIME:
      return loadwise_error_invalid (error,
                                     _("%s: the time “%s” at line %ld is not a date and time such as 2024-05-04T07:30:00Z"),
                                     st->name, value, line);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- Values ---- */

/* A decimal number, as GPX and TCX (xsd:decimal, xsd:double) write them:
 * no hex, no "inf" or "nan", nothing around it. */
static gboolean
parse_number (const char *text,
              double      min,
              double      max,
              double     *out_value)
{
  char *end = NULL;
  double value;

  if (*text == '\0' || text[strspn (text, "0123456789+-.eE")] != '\0')
    return FALSE;
  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (errno != 0 || *end != '\0' || !isfinite (value) || value < min || value > max)
    return FALSE;
  *out_value = value;
  return TRUE;
}

/* ISO 8601 as GPX and TCX write it: UTC ("Z"), with or without a
 * fraction, or with an offset (OpenTracks writes the local one); a time
 * without either counts as UTC, as the GPX schema says it is. */
static gboolean
parse_time (ReadState  *st,
            const char *text,
            gint64     *out_ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (text, st->utc);

  if (time == NULL)
    return FALSE;
  *out_ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  return TRUE;
}

/* The sport: the first the file names. A name that is no one-line text
 * (empty, too long) names none. */
static void
set_sport (ReadState  *st,
           const char *text)
{
  g_autofree char *clean = NULL;

  if (st->seen_sport || !loadwise_text_validate ("sport", text, -1, LOADWISE_TEXT_NAME, &clean, NULL))
    return;
  st->seen_sport = TRUE;
  st->track->sport = sport_from_name (clean);
  st->track->sport_name = g_steal_pointer (&clean);
}

/* The text of a leaf, once whole. An empty one ("<ele></ele>") gives
 * nothing. */
static gboolean
apply_text (ReadState  *st,
            Tag         tag,
            GError    **error)
{
  char *text = g_strstrip (st->text->str);
  LoadwiseTrackPoint *point = &st->point;
  double value = NAN;
  gboolean ok = TRUE;

  if (*text == '\0')
    return TRUE;
  /* A sport's name that long names none. */
  if (tag == TAG_GPX_TYPE)
    {
      if (!st->text_too_long)
        set_sport (st, text);
      return TRUE;
    }
  if (st->text_too_long)
    return refuse_value (st, tag, text, TRUE, st->text_line, error);

  switch (tag)
    {
    case TAG_GPX_ELE:
    case TAG_TCX_ALTITUDE:
      ok = parse_number (text, ELEVATION_MIN_M, ELEVATION_MAX_M, &point->elevation_m);
      break;
    case TAG_GPX_TIME:
    case TAG_TCX_TIME:
      ok = st->point_has_time = parse_time (st, text, &point->time_ms);
      break;
    case TAG_TCX_LAT:
      ok = st->point_has_lat = parse_number (text, -90.0, 90.0, &point->lat);
      break;
    case TAG_TCX_LON:
      ok = st->point_has_lon = parse_number (text, -180.0, 180.0, &point->lon);
      break;
    case TAG_TCX_DISTANCE:
      ok = parse_number (text, 0.0, DISTANCE_MAX_M, &point->distance_m);
      break;
    case TAG_TCX_LAP_DISTANCE:
      ok = parse_number (text, 0.0, DISTANCE_MAX_M, &value);
      if (ok)
        {
          st->lap_distance_m += value;
          st->n_laps_with_distance++;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  return ok || refuse_value (st, tag, text, FALSE, st->text_line, error);
}

/* ---- Points ---- */

static gboolean
start_point (ReadState  *st,
             Tag         tag,
             GError    **error)
{
  if (st->track->points->len >= LOADWISE_TRACK_MAX_POINTS)
    return loadwise_error_invalid (error, _("%s: the track has more than %d points, the most Loadwise reads"),
                                   st->name, LOADWISE_TRACK_MAX_POINTS);

  st->point = (LoadwiseTrackPoint) {
    .time_ms = LOADWISE_TRACK_NO_TIME,
    .lat = NAN,
    .lon = NAN,
    .elevation_m = NAN,
    .distance_m = NAN,
    /* In a TCX Activity the Track is inside its Lap; in a Course it is
     * beside the laps, so its points are in none. */
    .lap = tag == TAG_TCX_POINT && st->stack[st->depth - 2] == TAG_TCX_LAP ? st->lap : 0,
  };
  st->point_has_time = st->point_has_lat = st->point_has_lon = FALSE;
  st->point_line = current_line (st);
  return TRUE;
}

/* GPX gives a point's position as its lat and lon attributes. */
static gboolean
read_position_attributes (ReadState  *st,
                          GError    **error)
{
  const struct {
    const char *name;
    double      limit;
    double     *value;
    gboolean   *has;
    Tag         tag;
  } attributes[] = {
    { "lat", 90.0, &st->point.lat, &st->point_has_lat, TAG_TCX_LAT },
    { "lon", 180.0, &st->point.lon, &st->point_has_lon, TAG_TCX_LON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      xmlChar *raw = xmlTextReaderGetAttribute (st->reader, (const xmlChar *) attributes[i].name);
      g_autofree char *text = NULL;

      if (raw == NULL)
        continue;
      text = g_strstrip (g_strdup ((const char *) raw));
      xmlFree (raw);
      if (!parse_number (text, -attributes[i].limit, attributes[i].limit, attributes[i].value))
        return refuse_value (st, attributes[i].tag, text, FALSE, st->point_line, error);
      *attributes[i].has = TRUE;
    }
  return TRUE;
}

/* A point without a time is kept as LOADWISE_TRACK_NO_TIME (the core
 * leaves it out of every figure); a file where every point is so is
 * refused at the end. */
static gboolean
finish_point (ReadState  *st,
              GError    **error)
{
  if (st->point_has_lat != st->point_has_lon)
    return loadwise_error_invalid (error,
                                   _("%s: the track point at line %ld has only one of latitude and longitude"),
                                   st->name, st->point_line);
  st->n_timed_points += st->point_has_time;
  g_array_append_val (st->track->points, st->point);
  return TRUE;
}

/* ---- Elements ---- */

/* Entering @tag; *@out_skip when its content is not read after all. */
static gboolean
enter (ReadState  *st,
       Tag         tag,
       gboolean   *out_skip,
       GError    **error)
{
  xmlChar *sport;

  if (tag_is_leaf (tag))
    {
      g_string_truncate (st->text, 0);
      st->text_too_long = FALSE;
      st->text_line = current_line (st);
      return TRUE;
    }

  switch (tag)
    {
    case TAG_GPX_POINT:
      return start_point (st, tag, error) && read_position_attributes (st, error);
    case TAG_TCX_POINT:
      return start_point (st, tag, error);
    case TAG_TCX_ACTIVITY:
    case TAG_TCX_COURSE:
      /* (design) A file of several activities is rare (a multisport
       * export); its first one is the run read. */
      *out_skip = st->seen_run;
      st->seen_run = TRUE;
      if (tag == TAG_TCX_ACTIVITY && !*out_skip)
        {
          sport = xmlTextReaderGetAttribute (st->reader, (const xmlChar *) "Sport");
          if (sport != NULL)
            set_sport (st, (const char *) sport);
          xmlFree (sport);
        }
      return TRUE;
    case TAG_TCX_LAP:
      st->lap = st->track->n_laps++;
      return TRUE;
    default:
      return TRUE;
    }
}

static gboolean
leave (ReadState  *st,
       Tag         tag,
       GError    **error)
{
  if (tag == TAG_GPX_POINT || tag == TAG_TCX_POINT)
    return finish_point (st, error);
  return TRUE;
}

static gboolean
start_root (ReadState  *st,
            const char *name,
            Tag        *out_tag,
            GError    **error)
{
  st->seen_root = TRUE;
  if (strcmp (name, "gpx") == 0)
    {
      st->format = LOADWISE_TRACK_FORMAT_GPX;
      *out_tag = TAG_GPX;
      return TRUE;
    }
  if (strcmp (name, "TrainingCenterDatabase") == 0 && !st->converted)
    {
      st->format = LOADWISE_TRACK_FORMAT_TCX;
      *out_tag = TAG_TCX;
      return TRUE;
    }
  return refuse_not_track (st, error);
}

static gboolean
start_element (ReadState  *st,
               gboolean   *out_skip,
               GError    **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);
  Tag tag = TAG_SKIP;

  if (!st->seen_root)
    {
      if (!start_root (st, name, &tag, error))
        return FALSE;
    }
  else if (st->depth > 0)
    tag = child_tag (st->stack[st->depth - 1], name);

  if (tag == TAG_SKIP)
    {
      *out_skip = TRUE;
      return TRUE;
    }
  if (!enter (st, tag, out_skip, error))
    return FALSE;
  if (*out_skip)
    return TRUE;
  if (xmlTextReaderIsEmptyElement (st->reader))
    return leave (st, tag, error);

  g_assert (st->depth < STACK_MAX);
  st->stack[st->depth++] = tag;
  return TRUE;
}

static gboolean
end_element (ReadState  *st,
             GError    **error)
{
  Tag tag;

  g_assert (st->depth > 0);
  tag = st->stack[--st->depth];
  if (tag_is_leaf (tag) && !apply_text (st, tag, error))
    return FALSE;
  return leave (st, tag, error);
}

static void
add_text (ReadState *st)
{
  const char *value;
  const char *valid_end;
  gsize length;

  if (st->depth == 0 || !tag_is_leaf (st->stack[st->depth - 1]) || st->text_too_long)
    return;
  value = (const char *) xmlTextReaderConstValue (st->reader);
  length = value != NULL ? strlen (value) : 0;
  if (st->text->len + length <= TEXT_MAX_BYTES)
    {
      g_string_append_len (st->text, value, length);
      return;
    }
  /* Enough of it to quote, cut where a character ends. */
  g_string_append_len (st->text, value, TEXT_MAX_BYTES - st->text->len);
  g_utf8_validate (st->text->str, st->text->len, &valid_end);
  g_string_truncate (st->text, valid_end - st->text->str);
  st->text_too_long = TRUE;
}

static gboolean
visit_node (ReadState  *st,
            gboolean   *out_skip,
            GError    **error)
{
  switch (xmlTextReaderNodeType (st->reader))
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return refuse_doctype (st->name, error);
    case XML_READER_TYPE_ENTITY_REFERENCE:
      return refuse_entity (st, current_line (st), error);
    case XML_READER_TYPE_ELEMENT:
      return start_element (st, out_skip, error);
    case XML_READER_TYPE_END_ELEMENT:
      return end_element (st, error);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      add_text (st);
      return TRUE;
    default:
      return TRUE;
    }
}

/* ---- The bytes, before and after libxml2 ---- */

static gboolean
starts_with (const char *p,
             const char *end,
             const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && memcmp (p, prefix, length) == 0;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *terminator)
{
  const char *found = memmem (p, end - p, terminator, strlen (terminator));

  return found != NULL ? found + strlen (terminator) : end;
}

/* Where the prolog ends (the byte-order mark, the XML declaration,
 * comments and processing instructions before the first element): at a
 * DOCTYPE, the root element, or @end. */
static const char *
skip_prolog (const char *p,
             const char *end)
{
  if (starts_with (p, end, "\xef\xbb\xbf"))
    p += 3;
  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (starts_with (p, end, "<?"))
        p = skip_past (p + 2, end, "?>");
      else if (starts_with (p, end, "<!--"))
        p = skip_past (p + 4, end, "-->");
      else
        break;
    }
  return p;
}

static gboolean
is_utf16 (const char *data,
          gsize       size)
{
  return starts_with (data, data + size, "\xfe\xff") || starts_with (data, data + size, "\xff\xfe");
}

/* The local name of the root element (after any prefix) when the data
 * holds the whole of it, "" when something else comes first; NULL when
 * the data ends before. */
static char *
root_name (const char *data,
           gsize       size)
{
  const char *end = data + size;
  const char *p = skip_prolog (data, end);
  const char *name;
  const char *colon;

  if (p == end)
    return NULL;
  if (*p != '<')
    return g_strdup ("");
  name = ++p;
  while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
    p++;
  if (p == end)
    return NULL;
  colon = memchr (name, ':', p - name);
  if (colon != NULL)
    name = colon + 1;
  return g_strndup (name, p - name);
}

/* The line of the last byte that is not white space. */
static long
last_content_line (const char *data,
                   gsize       size)
{
  gsize end = size;
  long line = 1;

  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  for (gsize i = 0; i < end; i++)
    line += data[i] == '\n';
  return line;
}

/* Whether an error at @line (the last line with content or after) is
 * where the data stops, not at something after its end: libxml2 says
 * "Extra content at the end of the document" for both, so the root's
 * end tag tells them apart. */
static gboolean
ends_early (const char *data,
            gsize       size,
            long        line)
{
  g_autofree char *root = NULL;
  g_autofree char *end_tag = NULL;
  g_autofree char *prefixed_end_tag = NULL;

  if (line < last_content_line (data, size))
    return FALSE;
  root = root_name (data, size);
  if (root == NULL || *root == '\0')
    return TRUE;
  end_tag = g_strdup_printf ("</%s>", root);
  prefixed_end_tag = g_strdup_printf (":%s>", root);
  return memmem (data, size, end_tag, strlen (end_tag)) == NULL
         && memmem (data, size, prefixed_end_tag, strlen (prefixed_end_tag)) == NULL;
}

/* ---- The document ---- */

static gboolean
is_entity_error (int code)
{
  switch (code)
    {
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_PROCESSING:
      return TRUE;
    default:
      return FALSE;
    }
}

/* libxml2 gave up: say why in the runner's words. */
static gboolean
refuse_xml (ReadState  *st,
            GError    **error)
{
  long line = st->xml_failed && st->xml_line > 0 ? st->xml_line
              : st->reader != NULL ? xmlTextReaderGetParserLineNumber (st->reader)
              : 1;
  const char *reason = st->xml_failed ? st->xml_message : NULL;

  if (st->xml_failed && is_entity_error (st->xml_code))
    return refuse_entity (st, line, error);
  /* In memory (UTF-8): libxml2 may count a line past the data's last. */
  if (st->data != NULL && !is_utf16 (st->data, st->size))
    {
      line = MIN (line, last_content_line (st->data, st->size));
      if (ends_early (st->data, st->size, line))
        return loadwise_error_invalid (error, _("%s: the file ends early (line %ld)"), st->name, line);
    }
  if (st->converted)
    return loadwise_error_invalid (error, _("%s: what GPSBabel made of the file is not valid XML (line %ld)"),
                                   st->name, line);
  if (reason == NULL || *reason == '\0')
    return loadwise_error_invalid (error, _("%s: the file is not valid XML at line %ld"), st->name, line);
  return loadwise_error_invalid (error, _("%s: the file is not valid XML at line %ld (%s)"),
                                 st->name, line, reason);
}

static gboolean
read_nodes (ReadState  *st,
            GError    **error)
{
  int ret = xmlTextReaderRead (st->reader);

  while (ret == 1)
    {
      gboolean skip = FALSE;

      if (!visit_node (st, &skip, error))
        return FALSE;
      ret = skip ? xmlTextReaderNext (st->reader) : xmlTextReaderRead (st->reader);
    }
  if (ret < 0 || st->xml_failed)
    return refuse_xml (st, error);
  if (!st->seen_root)
    return refuse_not_track (st, error);
  return TRUE;
}

static gboolean
finish_track (ReadState  *st,
              GError    **error)
{
  LoadwiseTrack *track = st->track;
  gboolean has_elevation = FALSE;

  if (track->points->len == 0)
    return loadwise_error_invalid (error, _("%s: the file has no track points"), st->name);
  if (st->n_timed_points == 0)
    return loadwise_error_invalid (error, _("%s: the file has no time stamps, so it is a planned route, not a recorded run"),
                                   st->name);

  for (guint i = 0; i < track->points->len && !has_elevation; i++)
    has_elevation = isfinite (g_array_index (track->points, LoadwiseTrackPoint, i).elevation_m);
  /* No file says where its altitude came from. FIT's is the watch's own:
   * barometric where it has a barometer, the satellites' where it has
   * none (GPSBabel reads enhanced_altitude, else altitude, and keeps no
   * sensor record). So every altitude is taken as GPS: smoothing and 7 m
   * swings cost a barometer's clean profile a few metres, while a GPS
   * profile counted as barometric comes out many times too high (a flat
   * 5 km at 278 m of climb). */
  track->elevation_source = has_elevation ? LOADWISE_ELEVATION_GPS : LOADWISE_ELEVATION_NONE;

  /* TCX laps: their sum is the device's total when every lap gives one. */
  if (track->n_laps > 0 && st->n_laps_with_distance == track->n_laps && st->lap_distance_m > 0.0)
    track->device_distance_m = st->lap_distance_m;
  return TRUE;
}

static void
ensure_libxml (void)
{
  static gsize initialized;

  /* libxml2 2.9 guards xmlInitParser() with a flag, not a lock. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* libxml2 reports some errors (of an encoding, of the input) to the
 * thread's handlers instead of the reader's, and those print to stderr:
 * while a document is read, they are its reader's. */
typedef struct {
  xmlGenericErrorFunc     generic;
  void                   *generic_context;
  xmlStructuredErrorFunc  structured;
  void                   *structured_context;
} ThreadHandlers;

static void
ignore_generic_error (void       *context,
                      const char *message,
                      ...)
{
}

static ThreadHandlers
take_thread_handlers (ReadState *st)
{
  ThreadHandlers saved = {
    .generic = xmlGenericError,
    .generic_context = xmlGenericErrorContext,
    .structured = xmlStructuredError,
    .structured_context = xmlStructuredErrorContext,
  };

  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  xmlSetStructuredErrorFunc (st, on_xml_error);
  return saved;
}

static void
give_back_thread_handlers (const ThreadHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_context, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_context, saved->generic);
}

/* Reads a document into a track: @data (@size bytes) when not NULL, else
 * what @fd gives (GPSBabel's GPX of a FIT file). */
static LoadwiseTrack *
read_document (const char          *name,
               const char          *data,
               gsize                size,
               int                  fd,
               LoadwiseTrackFormat *out_format,
               GError             **error)
{
  g_autoptr (LoadwiseTrack) track = loadwise_track_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  ReadState st = {
    .name = name,
    .converted = data == NULL,
    .data = data,
    .size = size,
    .track = track,
    .utc = utc,
    .text = text,
  };
  ThreadHandlers handlers;
  gboolean ok;

  track->sport = LOADWISE_TRACK_SPORT_UNKNOWN;
  track->device_distance_m = NAN;
  track->n_laps = 0;

  ensure_libxml ();
  /* Before the reader is made: it reads the first bytes at once. */
  handlers = take_thread_handlers (&st);
  if (data != NULL)
    st.reader = xmlReaderForMemory (data, (int) size, NULL, NULL, READER_OPTIONS);
  else
    st.reader = xmlReaderForFd (fd, NULL, NULL, READER_OPTIONS);

  if (st.reader == NULL)
    ok = st.xml_failed ? refuse_xml (&st, error)
                       : loadwise_error_invalid (error, _("%s: the file could not be read as XML"), name);
  else
    {
      xmlTextReaderSetStructuredErrorHandler (st.reader, on_xml_error, &st);
      ok = read_nodes (&st, error) && finish_track (&st, error);
      xmlFreeTextReader (st.reader);
    }
  give_back_thread_handlers (&handlers);
  g_free (st.xml_message);

  if (!ok)
    return NULL;
  if (out_format != NULL)
    *out_format = st.format;
  return g_steal_pointer (&track);
}

/* The checks before libxml2 sees the bytes. A DOCTYPE is refused here,
 * before libxml2 reads its entity declarations, so that the refusal does
 * not depend on what libxml2 makes of them (a billion laughs makes it
 * fail before the reader comes to the DOCTYPE). */
static gboolean
check_xml_bytes (const char  *data,
                 gsize        size,
                 const char  *name,
                 GError     **error)
{
  const char *end = data + size;
  const char *p;
  g_autofree char *root = NULL;

  if (size == 0)
    return loadwise_error_invalid (error, _("%s: the file is empty"), name);
  if (size > LOADWISE_TRACK_FILE_MAX_BYTES)
    return refuse_too_big (name, error);

  /* UTF-16 is left to libxml2, whose reader refuses a DOCTYPE and a
   * root of another kind as it comes to them. */
  if (is_utf16 (data, size))
    return TRUE;
  for (p = data; p < end && g_ascii_isspace (*p); p++)
    ;
  if (p == end)
    return loadwise_error_invalid (error, _("%s: not a GPX, TCX or FIT file"), name);
  p = skip_prolog (data, end);
  if (starts_with (p, end, "<!DOCTYPE"))
    return refuse_doctype (name, error);
  /* A root cut short is for libxml2 to find ending early. */
  root = root_name (data, size);
  if (root != NULL && strcmp (root, "gpx") != 0 && strcmp (root, "TrainingCenterDatabase") != 0)
    return loadwise_error_invalid (error, _("%s: not a GPX, TCX or FIT file"), name);
  return TRUE;
}

LoadwiseTrack *
loadwise_track_read_xml (const char           *data,
                         gsize                 size,
                         const char           *name,
                         LoadwiseTrackFormat  *out_format,
                         GError              **error)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_xml_bytes (data, size, name, error))
    return NULL;

  return read_document (name, data, size, -1, out_format, error);
}

/* ---- Files ---- */

const char *
loadwise_track_format_to_string (LoadwiseTrackFormat format)
{
  static const char * const names[] = {
    [LOADWISE_TRACK_FORMAT_GPX] = "gpx",
    [LOADWISE_TRACK_FORMAT_TCX] = "tcx",
    [LOADWISE_TRACK_FORMAT_FIT] = "fit",
  };

  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (names), NULL);
  return names[format];
}

gboolean
loadwise_track_is_track_name (const char *basename)
{
  static const char * const extensions[] = { ".gpx", ".tcx", ".fit" };
  gsize length;

  g_return_val_if_fail (basename != NULL, FALSE);

  /* Something before the extension: ".gpx" alone names no track. */
  length = strlen (basename);
  for (guint i = 0; i < G_N_ELEMENTS (extensions) && length > 4; i++)
    {
      if (g_ascii_strcasecmp (basename + length - 4, extensions[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (basename);
}

static void
set_io_error (GError       **error,
              const GError  *io_error,
              const char    *name)
{
  if (io_error->domain != G_IO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the file could not be read (%s)"),
                   name, io_error->message);
      return;
    }

  switch (io_error->code)
    {
    case G_IO_ERROR_CANCELLED:
      g_propagate_error (error, g_error_copy (io_error));
      break;
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, io_error->code, _("%s: the file is not there"), name);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      g_set_error (error, G_IO_ERROR, io_error->code,
                   _("%s: Loadwise is not allowed to read the file"), name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, io_error->code, _("%s: this is a folder, not a track file"), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, io_error->code, _("%s: the file could not be read (%s)"),
                   name, io_error->message);
      break;
    }
}

/* The whole file, refused when larger than LOADWISE_TRACK_FILE_MAX_BYTES:
 * by its size before it is read, and again while reading, should it
 * grow in between. */
static GBytes *
read_bytes (GFile         *file,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) bytes = NULL;
  GFileType type;
  const gsize chunk = 64 * 1024;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, local_error, name);
      return NULL;
    }
  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: this is a folder, not a track file"), name);
      return NULL;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      loadwise_error_invalid (error, _("%s: not a regular file, so not a track file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > LOADWISE_TRACK_FILE_MAX_BYTES)
    {
      refuse_too_big (name, error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, local_error, name);
      return NULL;
    }
  bytes = g_byte_array_sized_new ((guint) g_file_info_get_size (info) + 1);
  for (;;)
    {
      guint length = bytes->len;
      gssize n;

      g_byte_array_set_size (bytes, length + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + length, chunk, cancellable, &local_error);
      g_byte_array_set_size (bytes, length + MAX (n, 0));
      if (n < 0)
        {
          set_io_error (error, local_error, name);
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len > LOADWISE_TRACK_FILE_MAX_BYTES)
        {
          refuse_too_big (name, error);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* A FIT file says ".FIT" in bytes 8 to 11 of its header (Garmin's FIT
 * protocol, "File Header"). */
static gboolean
is_fit (const char *data,
        gsize       size)
{
  return size >= 12 && memcmp (data + 8, ".FIT", 4) == 0;
}

/* ---- FIT, through GPSBabel ---- */

static gint gpsbabel_timeout_s; /* 0: LOADWISE_GPSBABEL_TIMEOUT_S */

void
loadwise_track_reader_set_gpsbabel_timeout_s (guint seconds)
{
  g_atomic_int_set (&gpsbabel_timeout_s, (gint) seconds);
}

guint
loadwise_track_reader_get_gpsbabel_timeout_s (void)
{
  guint seconds = (guint) g_atomic_int_get (&gpsbabel_timeout_s);

  return seconds != 0 ? seconds : LOADWISE_GPSBABEL_TIMEOUT_S;
}

/* A private folder for GPSBabel's input and output, removed with all it
 * holds when freed. */
typedef struct {
  char *path;
} WorkFolder;

static void
work_folder_free (WorkFolder *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder->path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder->path, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (folder->path);
  g_free (folder->path);
  g_free (folder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WorkFolder, work_folder_free)

static WorkFolder *
work_folder_new (GError **error)
{
  char *path = g_dir_make_tmp ("loadwise-fit-XXXXXX", error);
  WorkFolder *folder;

  if (path == NULL)
    return NULL;
  folder = g_new0 (WorkFolder, 1);
  folder->path = path;
  return folder;
}

static char *
find_gpsbabel (void)
{
  const char *program = g_getenv ("LOADWISE_GPSBABEL");

  if (program == NULL || *program == '\0')
    program = "gpsbabel";
  return g_find_program_in_path (program);
}

typedef struct {
  GSubprocess *process;
  gboolean     done;
  gboolean     timed_out;
  GBytes      *out;
  GBytes      *err;
  GError      *error;
} GpsbabelRun;

static void
child_setup (gpointer user_data)
{
  /* Its own process group, so that a timeout stops whatever it started. */
  setpgid (0, 0);
}

static void
kill_process_group (GSubprocess *process)
{
  const char *id = g_subprocess_get_identifier (process);

  /* The identifier is NULL once the process has been reaped, so its
   * group cannot be another's yet. */
  if (id != NULL)
    kill (-(pid_t) atoi (id), SIGKILL);
  g_subprocess_force_exit (process);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GpsbabelRun *run = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &run->error);
  run->done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  GpsbabelRun *run = user_data;

  run->timed_out = TRUE;
  kill_process_group (run->process);
  return G_SOURCE_REMOVE;
}

/* (design) The most of GPSBabel's message a message quotes. */
#define GPSBABEL_SAID_MAX_CHARS 300

/* The first line GPSBabel wrote, naming the file as the runner knows it
 * instead of the temporary copy; NULL when it wrote nothing. */
static char *
first_line (GBytes     *bytes,
            const char *in_path,
            const char *name)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  const char *data;
  gsize size = 0;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  text = g_utf8_make_valid (data, size);
  lines = g_strsplit (text, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GString) line = g_string_new (g_strstrip (lines[i]));

      if (line->len == 0)
        continue;
      g_string_replace (line, in_path, name, 0);
      if (g_utf8_strlen (line->str, -1) > GPSBABEL_SAID_MAX_CHARS)
        {
          g_string_truncate (line, g_utf8_offset_to_pointer (line->str, GPSBABEL_SAID_MAX_CHARS) - line->str);
          g_string_append (line, "…");
        }
      return g_string_free (g_steal_pointer (&line), FALSE);
    }
  return NULL;
}

static gboolean
gpsbabel_failed (GpsbabelRun  *run,
                 const char   *in_path,
                 const char   *name,
                 GError      **error)
{
  GSubprocess *process = run->process;
  g_autofree char *said = first_line (run->err, in_path, name);

  if (said == NULL)
    said = first_line (run->out, in_path, name);

  if (run->timed_out)
    return loadwise_error_invalid (error, _("%s: GPSBabel took longer than %u s to read the file and was stopped"),
                                   name, loadwise_track_reader_get_gpsbabel_timeout_s ());
  if (said != NULL)
    return loadwise_error_invalid (error, _("%s: GPSBabel could not read the file: %s"), name, said);
  if (g_subprocess_get_if_signaled (process))
    return loadwise_error_invalid (error, _("%s: GPSBabel stopped with signal %d while reading the file"),
                                   name, g_subprocess_get_term_sig (process));
  return loadwise_error_invalid (error, _("%s: GPSBabel could not read the file (it gave up with status %d)"),
                                 name, g_subprocess_get_exit_status (process));
}

/* Runs GPSBabel, without a shell, on @in_path into @out_path; it is
 * killed when it takes longer than the timeout or @cancellable fires. */
static gboolean
run_gpsbabel (const char    *program,
              const char    *in_path,
              const char    *out_path,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  const char * const argv[] = {
    program, "-i", "garmin_fit", "-f", in_path, "-o", "gpx,gpxver=1.1", "-F", out_path, NULL,
  };
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GMainContext) context = NULL;
  g_autoptr (GSource) timeout = NULL;
  g_autoptr (GError) local_error = NULL;
  GpsbabelRun run = { NULL };
  gboolean ok;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (process == NULL)
    return loadwise_error_invalid (error, _("%s: GPSBabel could not be started (%s)"), name, local_error->message);
  run.process = process;

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (process, NULL, cancellable, on_communicated, &run);
  timeout = g_timeout_source_new (loadwise_track_reader_get_gpsbabel_timeout_s () * 1000);
  g_source_set_callback (timeout, on_timeout, &run, NULL);
  g_source_attach (timeout, context);
  while (!run.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (run.error != NULL)
    {
      /* Cancelled (or its pipes failed): it may still run. */
      kill_process_group (process);
      g_subprocess_wait (process, NULL, NULL);
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&run.error));
      else
        loadwise_error_invalid (error, _("%s: GPSBabel could not be run (%s)"), name, run.error->message);
      ok = FALSE;
    }
  else if (!run.timed_out && g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0)
    ok = TRUE;
  else
    ok = gpsbabel_failed (&run, in_path, name, error);

  g_clear_error (&run.error);
  g_clear_pointer (&run.out, g_bytes_unref);
  g_clear_pointer (&run.err, g_bytes_unref);
  return ok;
}

/* GPSBabel ("garmin_fit") converts the file to GPX 1.1 in a private
 * folder, which is read as GPX and removed. It gets a copy of the bytes
 * already read: exactly what was hashed, wherever the file lives. */
static LoadwiseTrack *
read_fit (GBytes        *bytes,
          const char    *name,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *program = find_gpsbabel ();
  g_autoptr (WorkFolder) folder = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *in_path = NULL;
  g_autofree char *out_path = NULL;
  LoadwiseTrack *track;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int fd;

  if (program == NULL)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND,
                   _("%s: reading FIT files needs GPSBabel; install the package “gpsbabel”"), name);
      return NULL;
    }

  folder = work_folder_new (&local_error);
  if (folder == NULL)
    {
      loadwise_error_invalid (error, _("%s: no temporary folder for GPSBabel (%s)"), name, local_error->message);
      return NULL;
    }
  in_path = g_build_filename (folder->path, "in.fit", NULL);
  out_path = g_build_filename (folder->path, "out.gpx", NULL);
  if (!g_file_set_contents_full (in_path, data, size, G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
    {
      loadwise_error_invalid (error, _("%s: the file could not be copied for GPSBabel (%s)"),
                              name, local_error->message);
      return NULL;
    }

  if (!run_gpsbabel (program, in_path, out_path, name, cancellable, error))
    return NULL;

  fd = g_open (out_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      loadwise_error_invalid (error, _("%s: GPSBabel wrote no track for the file"), name);
      return NULL;
    }
  /* Read as it streams: however large the GPX, the point limit ends it. */
  track = read_document (name, NULL, 0, fd, NULL, error);
  close (fd);
  return track;
}

LoadwiseTrack *
loadwise_track_read_file (GFile                *file,
                          GCancellable         *cancellable,
                          LoadwiseTrackFormat  *out_format,
                          char                **out_sha256,
                          GError              **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;
  LoadwiseTrackFormat format = LOADWISE_TRACK_FORMAT_GPX;
  const char *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  name = file_display_name (file);
  bytes = read_bytes (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (is_fit (data, size))
    {
      format = LOADWISE_TRACK_FORMAT_FIT;
      track = read_fit (bytes, name, cancellable, error);
    }
  else
    track = loadwise_track_read_xml (data, size, name, &format, error);
  if (track == NULL)
    return NULL;

  if (out_format != NULL)
    *out_format = format;
  if (out_sha256 != NULL)
    *out_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_steal_pointer (&track);
}
