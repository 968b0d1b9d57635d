<?php
// Creates a new learner enrolled as a student in a course, so a script starts with no SCORM attempt, and prints
// its username and id; a first and last name (made up) give a cohort distinct names in Moodle's reports.
// For the lab only (PHP CLI on the machine that runs the Moodle).
//
// Usage: php learner.php <moodle dir> <course id> <username> <password> [<first name> <last name>]

define('CLI_SCRIPT', true);
[$self, $moodledir, $courseid, $username, $password, $first, $last] = array_pad($argv, 7, null);
if (!$password) {
    fwrite(STDERR, "usage: php learner.php <moodle dir> <course id> <username> <password> [<first name> <last name>]\n");
    exit(2);
}
require($moodledir . '/config.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->libdir . '/enrollib.php');

\core\session\manager::set_user(get_admin());
$user = $DB->get_record('user', ['username' => $username, 'mnethostid' => $CFG->mnet_localhost_id]);
$id = $user ? (int)$user->id : user_create_user((object)[
    'username' => $username, 'password' => $password, 'auth' => 'manual', 'confirmed' => 1,
    'mnethostid' => $CFG->mnet_localhost_id, 'firstname' => $first ?? 'Jordan', 'lastname' => $last ?? 'Lee-Okafor',
    'email' => $username . '@example.com', 'lang' => 'en',
], true, false);
$instance = $DB->get_record('enrol', ['courseid' => (int)$courseid, 'enrol' => 'manual'], '*', MUST_EXIST);
$student = $DB->get_field('role', 'id', ['shortname' => 'student'], MUST_EXIST);
enrol_get_plugin('manual')->enrol_user($instance, $id, $student);
echo json_encode(['username' => $username, 'id' => $id]), "\n";
