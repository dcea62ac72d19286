-- A question can carry a safety prompt: an answer scoring at least alert_from_score shows the practitioner
-- alert_text at once and puts a note on the case. PHQ-9 item 9 asks about thoughts of self-harm, and any
-- answer other than "Not at all" needs a risk conversation the same day, whatever the total score.
ALTER TABLE measure_question ADD COLUMN alert_from_score INTEGER;
ALTER TABLE measure_question ADD COLUMN alert_text VARCHAR(1000);

UPDATE measure_question SET alert_from_score = 1,
    alert_text = 'They said they have had thoughts that they would be better off dead or of hurting themselves. '
        || 'Ask about their safety now and follow your organisation''s safeguarding and risk procedure. '
        || 'If they are in immediate danger call 999. They can call NHS 111 (option 2 for mental health), '
        || 'or Samaritans free on 116 123, at any time.'
WHERE position = 9 AND measure_id = (SELECT id FROM measure WHERE code = 'PHQ9');
