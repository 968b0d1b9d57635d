<?php
// Creates (or, when one of that name exists, updates) a SCORM activity in a Moodle course with the course's zip and
// one of the display presets docs/moodle-admin.md compares, through Moodle's own create_module()/update_module(),
// as the activity form would. Prints {"cmid":…,"scormid":…} as JSON. For the lab only: it needs the Moodle
// installation on this machine (PHP CLI, its config.php), never a site in production.
//
// Usage: php activity.php <moodle dir> <course id> <zip> <name> <default|recommended|window> ['{"setting":value}']
//   default      every display setting at the site default (Site administration > Plugins > SCORM package)
//   recommended  current window, no course structure, no navigation buttons, skip the entry page, no preview
//   window       a new window of the whole screen (100% x 100%), no course structure or navigation buttons
// Both recommended presets also set completion (status and passing grade) and grading as the docs advise.
// The optional JSON overrides any field of the activity (e.g. '{"hidetoc":1}'), to measure one setting at a time.

define('CLI_SCRIPT', true);
[$self, $moodledir, $courseid, $zip, $name, $preset, $overrides] = array_pad($argv, 7, null);
$zip = $zip ? realpath($zip) : null; // Moodle's config.php changes the working directory.
if (!$preset || !in_array($preset, ['default', 'recommended', 'window'], true)) {
    fwrite(STDERR, "usage: php activity.php <moodle dir> <course id> <zip> <name> <default|recommended|window> ['{json}']\n");
    exit(2);
}
require($moodledir . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/mod/scorm/lib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');
require_once($CFG->libdir . '/gradelib.php');

\core\session\manager::set_user(get_admin());
$course = get_course((int)$courseid);
$cfg = get_config('scorm');
// The pass mark is the package's (adlcp:masteryscore); the grade to pass repeats it for the gradebook.
$manifest = file_get_contents('zip://' . $zip . '#imsmanifest.xml') ?: '';
$mastery = preg_match('~<adlcp:masteryscore>(\d+)</adlcp:masteryscore>~', $manifest, $m) ? (int)$m[1] : null;
$is2004 = (bool)preg_match('~<schemaversion>\s*2004~', $manifest);

$settings = [
    // The site defaults, as the activity form pre-fills them.
    'updatefreq' => $cfg->updatefreq, 'popup' => $cfg->popup, 'width' => $cfg->framewidth,
    'height' => $cfg->frameheight, 'skipview' => $cfg->skipview, 'hidebrowse' => $cfg->hidebrowse,
    'displaycoursestructure' => $cfg->displaycoursestructure, 'hidetoc' => $cfg->hidetoc,
    'nav' => $cfg->nav, 'navpositionleft' => $cfg->navpositionleft, 'navpositiontop' => $cfg->navpositiontop,
    'displayattemptstatus' => $cfg->displayattemptstatus, 'maxattempt' => $cfg->maxattempt,
    'whatgrade' => $cfg->whatgrade, 'forcecompleted' => $cfg->forcecompleted,
    'forcenewattempt' => $cfg->forcenewattempt, 'lastattemptlock' => $cfg->lastattemptlock,
    'auto' => $cfg->auto, 'autocommit' => $cfg->autocommit, 'masteryoverride' => $cfg->masteryoverride,
    'grademethod' => GRADEHIGHEST, 'maxgrade' => 100, 'completion' => COMPLETION_TRACKING_NONE,
];
if ($preset !== 'default') {
    $settings = array_merge($settings, [
        'hidetoc' => SCORM_TOC_DISABLED, 'nav' => SCORM_NAV_DISABLED, 'hidebrowse' => 1,
        'displaycoursestructure' => 0, 'displayattemptstatus' => SCORM_DISPLAY_ATTEMPTSTATUS_ENTRY,
        'grademethod' => GRADEHIGHEST, 'whatgrade' => 0, 'maxgrade' => 100, 'maxattempt' => 0,
        'forcenewattempt' => SCORM_FORCEATTEMPT_NO, 'masteryoverride' => 1,
        // 1.2 reports "passed" only once everything is done; 2004 reports "passed" at the exam and "completed" at the end.
        'completion' => COMPLETION_TRACKING_AUTOMATIC, 'completionstatusrequired' => $is2004 ? 4 : 2,
        'completionusegrade' => 1, 'completionpassgrade' => 1, 'gradepass' => $mastery ?? 80,
    ]);
    $settings = array_merge($settings, $preset === 'recommended'
        ? ['popup' => 0, 'skipview' => SCORM_SKIPVIEW_ALWAYS]
        // A new window must be opened by the learner's own click (Enter): one opened on page load is blocked.
        : ['popup' => 1, 'width' => 100, 'height' => 100, 'skipview' => SCORM_SKIPVIEW_NEVER,
           'scrollbars' => 1, 'directories' => 0, 'location' => 0, 'menubar' => 0, 'toolbar' => 0, 'status' => 0]);
}
if ($overrides) {
    $settings = array_merge($settings, json_decode($overrides, true, 8, JSON_THROW_ON_ERROR));
}

$draftitemid = file_get_unused_draft_itemid();
get_file_storage()->create_file_from_pathname([
    'contextid' => context_user::instance($USER->id)->id, 'component' => 'user', 'filearea' => 'draft',
    'itemid' => $draftitemid, 'filepath' => '/', 'filename' => basename($zip),
], $zip);
$info = (object)array_merge($settings, [
    'modulename' => 'scorm', 'course' => $course->id, 'section' => 1, 'visible' => 1, 'name' => $name,
    'introeditor' => ['text' => "Settings: $preset.", 'format' => FORMAT_HTML, 'itemid' => 0],
    'scormtype' => SCORM_TYPE_LOCAL, 'packagefile' => $draftitemid, 'timeopen' => 0, 'timeclose' => 0,
    'completionstatusallscos' => 0, 'cmidnumber' => '', 'groupmode' => 0, 'groupingid' => 0,
]);
$existing = $DB->get_record('scorm', ['course' => $course->id, 'name' => $name]);
if ($existing) {
    $cm = get_coursemodule_from_instance('scorm', $existing->id, $course->id, false, MUST_EXIST);
    $info->coursemodule = $cm->id;
    $info->instance = $existing->id;
    $info->modulename = 'scorm';
    $info = update_module($info);
    $out = ['cmid' => (int)$cm->id, 'scormid' => (int)$existing->id, 'updated' => true];
} else {
    $info = create_module($info);
    $out = ['cmid' => (int)$info->coursemodule, 'scormid' => (int)$info->instance, 'updated' => false];
}
echo json_encode($out), "\n";
