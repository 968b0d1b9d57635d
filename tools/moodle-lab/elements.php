<?php
// Prints every element Moodle holds for one learner's last attempt in one SCORM activity, as JSON
// (element => value). For the lab only (PHP CLI).
//
// Usage: php elements.php <moodle dir> <cmid> <username>

define('CLI_SCRIPT', true);
[$self, $moodledir, $cmid, $username] = array_pad($argv, 4, null);
if (!$username) {
    fwrite(STDERR, "usage: php elements.php <moodle dir> <cmid> <username>\n");
    exit(2);
}
require($moodledir . '/config.php');

$cm = get_coursemodule_from_id('scorm', (int)$cmid, 0, false, MUST_EXIST);
$user = $DB->get_record('user', ['username' => $username], '*', MUST_EXIST);
$elements = $DB->get_records_sql_menu(
    "SELECT e.element, v.value FROM {scorm_scoes_value} v
       JOIN {scorm_attempt} a ON a.id = v.attemptid JOIN {scorm_element} e ON e.id = v.elementid
      WHERE a.scormid = ? AND a.userid = ? AND a.attempt = (SELECT MAX(attempt) FROM {scorm_attempt} WHERE scormid = ? AND userid = ?)",
    [$cm->instance, $user->id, $cm->instance, $user->id]);
echo json_encode($elements, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
