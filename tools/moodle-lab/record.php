<?php
// Prints what Moodle holds for one learner in one SCORM activity, as JSON: the activity's completion state,
// the gradebook grade and grade to pass, and the SCORM status and score of the learner's last attempt.
// The screenshot script records it after each exam result. For the lab only (PHP CLI).
//
// Usage: php record.php <moodle dir> <cmid> <username>

define('CLI_SCRIPT', true);
[$self, $moodledir, $cmid, $username] = array_pad($argv, 4, null);
if (!$username) {
    fwrite(STDERR, "usage: php record.php <moodle dir> <cmid> <username>\n");
    exit(2);
}
require($moodledir . '/config.php');
require_once($CFG->libdir . '/gradelib.php');
require_once($CFG->libdir . '/completionlib.php');

$cm = get_coursemodule_from_id('scorm', (int)$cmid, 0, false, MUST_EXIST);
$user = $DB->get_record('user', ['username' => $username], '*', MUST_EXIST);
$completion = new completion_info(get_course($cm->course));
$states = [COMPLETION_INCOMPLETE => 'incomplete', COMPLETION_COMPLETE => 'complete',
    COMPLETION_COMPLETE_PASS => 'complete (passed)', COMPLETION_COMPLETE_FAIL => 'incomplete (failed grade)'];
$data = $completion->is_enabled($cm) ? $completion->get_data($cm, false, $user->id) : null;
$grades = grade_get_grades($cm->course, 'mod', 'scorm', $cm->instance, $user->id);
$item = $grades->items[0] ?? null;
$elements = $DB->get_records_sql_menu(
    "SELECT e.element, v.value FROM {scorm_scoes_value} v
       JOIN {scorm_attempt} a ON a.id = v.attemptid JOIN {scorm_element} e ON e.id = v.elementid
      WHERE a.scormid = ? AND a.userid = ? AND a.attempt = (SELECT MAX(attempt) FROM {scorm_attempt} WHERE scormid = ? AND userid = ?)
        AND e.element IN ('cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.completion_status', 'cmi.success_status', 'cmi.score.raw')",
    [$cm->instance, $user->id, $cm->instance, $user->id]);
echo json_encode([
    'completion' => $data ? $states[$data->completionstate] ?? (string)$data->completionstate : 'not tracked',
    'grade' => $item && isset($item->grades[$user->id]) ? $item->grades[$user->id]->str_grade : null,
    'gradepass' => $item ? (float)$item->gradepass : null,
    'scorm' => $elements,
]), "\n";
