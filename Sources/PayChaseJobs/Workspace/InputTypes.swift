import PayChaseInput

// The input layer's types the front ends keep, named through the engine: the command line and
// the web service import PayChaseJobs only, never the readers themselves.

/// A practice's profile as read from `paychase.yaml`.
public typealias PracticeSettings = PayChaseInput.PracticeSettings
