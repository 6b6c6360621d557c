-- Walk-ins are named by the identity code a person shows on their own screen (their consent),
-- never looked up by a typed phone number: the index that served that lookup goes.
drop index if exists app_user_phone_digits;
