From: <alice@mail.ru>
To: <alice@delta.blinzeln.de>
Authentication-Results: smtpng1.m.smailru.net; auth=pass smtp.auth=alice@mail.ru smtp.mailfrom=alice@mail.ru
