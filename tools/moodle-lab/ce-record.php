<?php
// Prints the CE record Moodle holds for one learner in one SCORM activity, as JSON: for each attempt, every
// interaction whose id starts with "ce-" with its response, result and weighting, read from Moodle's own
// tables, which its reports show (1.2 stores cmi.interactions_N.*, 2004 cmi.interactions.N.*). For the lab only.
//
// Usage: php ce-record.php <moodle dir> <cmid> <username>

define('CLI_SCRIPT', true);
[$self, $moodledir, $cmid, $username] = array_pad($argv, 4, null);
if (!$username) {
    fwrite(STDERR, "usage: php ce-record.php <moodle dir> <cmid> <username>\n");
    exit(2);
}
require($moodledir . '/config.php');

$cm = get_coursemodule_from_id('scorm', (int)$cmid, 0, false, MUST_EXIST);
$user = $DB->get_record('user', ['username' => $username], '*', MUST_EXIST);
$rows = $DB->get_records_sql(
    "SELECT v.id, a.attempt, e.element, v.value FROM {scorm_scoes_value} v
       JOIN {scorm_attempt} a ON a.id = v.attemptid JOIN {scorm_element} e ON e.id = v.elementid
      WHERE a.scormid = ? AND a.userid = ? AND e.element LIKE 'cmi.interactions%'
   ORDER BY a.attempt, v.id",
    [$cm->instance, $user->id]
);
// attempt => n => field => value
$byN = [];
foreach ($rows as $r) {
    if (!preg_match('/^cmi\.interactions[._](\d+)\.(id|student_response|learner_response|result|weighting|type)$/', $r->element, $m)) {
        continue;
    }
    $byN[$r->attempt][$m[1]][$m[2]] = $r->value;
}
$out = ['userid' => (int)$user->id, 'attempts' => []];
foreach ($byN as $attempt => $interactions) {
    $ce = [];
    foreach ($interactions as $n => $f) {
        if (strpos($f['id'] ?? '', 'ce-') !== 0) {
            continue;
        }
        $ce[] = ['n' => (int)$n, 'id' => $f['id'], 'response' => $f['student_response'] ?? $f['learner_response'] ?? null,
            'result' => $f['result'] ?? null, 'weighting' => $f['weighting'] ?? null, 'type' => $f['type'] ?? null];
    }
    $out['attempts'][] = ['attempt' => (int)$attempt, 'ce' => $ce];
}
echo json_encode($out), "\n";
