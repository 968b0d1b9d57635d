/** Answers to the anatomy quiz, by prompt, as a learner would pick them. */
export const ANATOMY_QUIZ = 'Anatomy of the spine: quiz';
export const RIGHT = {
  'lumbar region': '5',
  '33 vertebrae': 'The sacral and coccygeal segments fuse into two bones, the sacrum and the coccyx.',
  'gel-like centre': 'Nucleus pulposus',
  'spinal cord usually end': 'Around L1-L2',
  'neural foramen': 'The side opening through which a spinal nerve leaves the canal',
};
/** Two right answers out of five: 40%, below the pass mark. */
export const MOSTLY_WRONG = {
  'lumbar region': '5',
  '33 vertebrae': 'Seven vertebrae are often missing in adults.',
  'gel-like centre': 'Annulus fibrosus',
  'spinal cord usually end': 'Around L1-L2',
  'neural foramen': 'The lower end of the spinal cord',
};
