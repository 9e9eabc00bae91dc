/* loadwise-cues.c
 *
 * The cue layer listens to the guided session's moments and turns them
 * into sound; the session does not know how. GSound plays the freedesktop
 * sound theme's events, so the sounds are the desktop's own and its
 * volume and mute apply; a recording fake stands in for it in the tests.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-cues.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <gsound.h>
#include <gtk/gtk.h>
#include <libspeechd.h>

G_DEFINE_INTERFACE (LoadwiseCues, loadwise_cues, G_TYPE_OBJECT)

static void
loadwise_cues_default_init (LoadwiseCuesInterface *iface)
{
}

const char *
loadwise_cue_to_string (LoadwiseCue cue)
{
  switch (cue)
    {
    case LOADWISE_CUE_REP:
      return "rep";
    case LOADWISE_CUE_SET_DONE:
      return "set-done";
    case LOADWISE_CUE_REST_END:
      return "rest-end";
    case LOADWISE_CUE_SWITCH_SIDES:
      return "switch-sides";
    case LOADWISE_CUE_EXERCISE_DONE:
      return "exercise-done";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
loadwise_cues_play (LoadwiseCues *self,
                    LoadwiseCue   cue)
{
  g_return_if_fail (LOADWISE_IS_CUES (self));

  LOADWISE_CUES_GET_IFACE (self)->play (self, cue);
}

void
loadwise_cues_say (LoadwiseCues *self,
                   const char   *phrase)
{
  g_return_if_fail (LOADWISE_IS_CUES (self));
  g_return_if_fail (phrase != NULL);

  if (LOADWISE_CUES_GET_IFACE (self)->say != NULL)
    LOADWISE_CUES_GET_IFACE (self)->say (self, phrase);
}

gboolean
loadwise_speech_is_available (const char **out_reason)
{
  g_autofree char *program = g_find_program_in_path ("speech-dispatcher");

  if (out_reason != NULL)
    *out_reason = program != NULL ? NULL : _("No speech service is installed (speech-dispatcher)");
  return program != NULL;
}

struct _LoadwiseGSoundCues
{
  GObject        parent_instance;

  GSettings     *settings;  /* may be NULL */
  GSoundContext *context;   /* NULL when there is no sound to be had */
  gboolean       tried;
  SPDConnection *speech;    /* opened when the first phrase is wanted */
  gboolean       speech_tried;
};

static void loadwise_gsound_cues_iface_init (LoadwiseCuesInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoadwiseGSoundCues, loadwise_gsound_cues, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOADWISE_TYPE_CUES, loadwise_gsound_cues_iface_init))

LoadwiseCues *
loadwise_gsound_cues_new (GSettings *settings)
{
  LoadwiseGSoundCues *self = g_object_new (LOADWISE_TYPE_GSOUND_CUES, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    self->settings = g_object_ref (settings);
  return LOADWISE_CUES (self);
}

/* The freedesktop sound theme's names (sound-theme-freedesktop): a soft
 * click for a rep, and three distinct sounds for the ends of a hold, of a
 * rest and of one side. */
const char *
loadwise_gsound_cues_event_id (LoadwiseCue cue)
{
  switch (cue)
    {
    case LOADWISE_CUE_REP:
      return "audio-volume-change";
    case LOADWISE_CUE_SET_DONE:
      return "complete";
    case LOADWISE_CUE_REST_END:
      return "message-new-instant";
    case LOADWISE_CUE_SWITCH_SIDES:
      return "dialog-information";
    case LOADWISE_CUE_EXERCISE_DONE:
      return "service-login";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
describe (LoadwiseCue cue)
{
  switch (cue)
    {
    case LOADWISE_CUE_REP:
      return _("Rep counted");
    case LOADWISE_CUE_SET_DONE:
      return _("Set done");
    case LOADWISE_CUE_REST_END:
      return _("Rest over");
    case LOADWISE_CUE_SWITCH_SIDES:
      return _("Switch sides");
    case LOADWISE_CUE_EXERCISE_DONE:
    default:
      return _("Exercise done");
    }
}

static gboolean
event_sounds_enabled (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean enabled = FALSE;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "gtk-enable-event-sounds", &enabled, NULL);
  return enabled;
}

static void
loadwise_gsound_cues_play (LoadwiseCues *cues,
                           LoadwiseCue   cue)
{
  LoadwiseGSoundCues *self = LOADWISE_GSOUND_CUES (cues);
  g_autoptr (GError) error = NULL;

  /* The desktop's sound settings govern, as for any event sound. */
  if (!event_sounds_enabled ())
    return;

  /* The sound server is asked once, when the first cue is wanted. */
  if (!self->tried)
    {
      self->tried = TRUE;
      self->context = gsound_context_new (NULL, &error);
      if (self->context == NULL)
        {
          g_debug ("No event sounds: %s", error->message);
          return;
        }
      gsound_context_set_attributes (self->context, NULL,
                                     GSOUND_ATTR_APPLICATION_NAME, "Loadwise",
                                     GSOUND_ATTR_APPLICATION_ID, APP_ID,
                                     NULL);
    }
  if (self->context == NULL)
    return;

  if (!gsound_context_play_simple (self->context, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, loadwise_gsound_cues_event_id (cue),
                                   GSOUND_ATTR_EVENT_DESCRIPTION, describe (cue),
                                   NULL))
    g_debug ("The %s cue did not play: %s", loadwise_cue_to_string (cue), error->message);
}

/* The language of the app's own texts ("de" when German is shown), for
 * the voice to match them. */
static const char *
speech_language (void)
{
  /* Translators: the language code of this translation, for the speech
   * service's voice: "de" for German, "es" for Spanish. */
  return C_("speech language", "en");
}

static void
loadwise_gsound_cues_say (LoadwiseCues *cues,
                          const char   *phrase)
{
  LoadwiseGSoundCues *self = LOADWISE_GSOUND_CUES (cues);

  if (self->settings == NULL || !g_settings_get_boolean (self->settings, "spoken-cues"))
    return;

  if (!self->speech_tried)
    {
      char *failure = NULL;

      self->speech_tried = TRUE;
      self->speech = spd_open2 ("loadwise", "guided-session", NULL, SPD_MODE_THREADED, NULL, TRUE,
                                &failure);
      if (self->speech == NULL)
        {
          g_debug ("No spoken cues: %s", failure != NULL ? failure : "speech-dispatcher did not answer");
          free (failure);
          return;
        }
      spd_set_language (self->speech, speech_language ());
    }
  if (self->speech == NULL)
    return;
  /* A new phrase replaces one still being said: the count keeps up. */
  spd_cancel (self->speech);
  if (spd_say (self->speech, SPD_TEXT, phrase) < 0)
    g_debug ("The phrase “%s” was not spoken", phrase);
}

static void
loadwise_gsound_cues_iface_init (LoadwiseCuesInterface *iface)
{
  iface->play = loadwise_gsound_cues_play;
  iface->say = loadwise_gsound_cues_say;
}

static void
loadwise_gsound_cues_dispose (GObject *object)
{
  LoadwiseGSoundCues *self = LOADWISE_GSOUND_CUES (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->speech, spd_close);

  G_OBJECT_CLASS (loadwise_gsound_cues_parent_class)->dispose (object);
}

static void
loadwise_gsound_cues_class_init (LoadwiseGSoundCuesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = loadwise_gsound_cues_dispose;
}

static void
loadwise_gsound_cues_init (LoadwiseGSoundCues *self)
{
}
